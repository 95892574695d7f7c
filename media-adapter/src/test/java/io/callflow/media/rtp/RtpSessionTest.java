package io.callflow.media.rtp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two sessions talking over loopback through one reactor. */
class RtpSessionTest {
    private final RtpReactor reactor = new RtpReactor();
    private final PortRange ports = new PortRange(24000 + 2 * (int) (Math.random() * 4000), 40000);

    @AfterEach
    void stop() {
        reactor.close();
    }

    private RtpSession[] pair(MediaFormat format) throws Exception {
        RtpSession a = RtpSession.open(reactor, ports, "127.0.0.1");
        RtpSession b = RtpSession.open(reactor, ports, "127.0.0.1");
        a.connect(new InetSocketAddress("127.0.0.1", b.localPort()), format);
        b.connect(new InetSocketAddress("127.0.0.1", a.localPort()), format);
        return new RtpSession[]{a, b};
    }

    @Test
    void frames_sent_by_one_side_are_received_decoded_by_the_other() throws Exception {
        RtpSession[] pair = pair(new MediaFormat(Codec.PCMU, 101));
        short[] tone = new short[160];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        for (int i = 0; i < 10; i++) {
            pair[0].send(tone);
        }
        short[] received = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received == null && System.nanoTime() < deadline) {
            received = pair[1].receive();
            Thread.sleep(5);
        }
        assertThat(received).isNotNull().hasSize(160);
        for (int i = 0; i < 160; i++) {
            assertThat(Math.abs(received[i] - tone[i])).as("sample %d", i).isLessThan(400);
        }
        pair[0].close();
        pair[1].close();
        await(() -> ports.inUse() == 0);
        assertThat(ports.inUse()).isZero();
    }

    @Test
    void a_key_sent_by_rfc_4733_is_received_once() throws Exception {
        RtpSession[] pair = pair(new MediaFormat(Codec.PCMA, 101));
        List<Character> keys = new CopyOnWriteArrayList<>();
        pair[1].onDigit(keys::add);
        assertThat(pair[0].sendDigit('5', 120)).isTrue();
        assertThat(pair[0].sendDigit('#', 60)).isTrue();
        await(() -> keys.size() >= 2);
        Thread.sleep(500);
        assertThat(keys).containsExactly('5', '#');
    }

    @Test
    void no_telephone_event_negotiated_means_no_rfc_4733_key() throws Exception {
        RtpSession[] pair = pair(new MediaFormat(Codec.PCMU, -1));
        assertThat(pair[0].sendDigit('5', 100)).isFalse();
    }

    @Test
    void the_far_end_is_latched_to_the_source_of_its_first_packet() throws Exception {
        RtpSession session = RtpSession.open(reactor, ports, "127.0.0.1");
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            session.connect(new InetSocketAddress("127.0.0.1", 9), new MediaFormat(Codec.PCMU, -1));
            byte[] packet = RtpPacket.write(false, 0, 1, 160, 7, new byte[160]);
            peer.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), session.localPort()));
            await(() -> session.remote().getPort() == peer.getLocalPort());
            session.send(new short[160]);
            peer.setSoTimeout(5_000);
            DatagramPacket back = new DatagramPacket(new byte[512], 512);
            peer.receive(back);
            assertThat(RtpPacket.parse(back.getData(), back.getLength()).payloadType()).isZero();
        }
        session.close();
    }

    @Test
    void a_new_sender_is_heard_even_when_its_sequence_numbers_are_far_behind_the_old_ones() throws Exception {
        RtpSession session = RtpSession.open(reactor, ports, "127.0.0.1");
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            session.connect(new InetSocketAddress("127.0.0.1", peer.getLocalPort()), new MediaFormat(Codec.PCMU, -1));
            byte[] loud = new byte[160];
            java.util.Arrays.fill(loud, io.callflow.media.audio.G711.ulaw((short) 8_000));
            // the old sender: sequence numbers around 30,000; then a new SSRC starting at 5
            for (int i = 0; i < 5; i++) {
                send(peer, session, RtpPacket.write(false, 0, 30_000 + i, 160 * i, 1, new byte[160]));
            }
            for (int i = 0; i < 5; i++) {
                send(peer, session, RtpPacket.write(false, 0, 5 + i, 160 * i, 2, loud));
            }
            short[] heard = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && (heard == null || heard[0] < 4_000)) {
                heard = session.receive();
                Thread.sleep(5);
            }
            assertThat(heard).as("the new sender's audio").isNotNull();
            assertThat(heard[0]).isGreaterThan((short) 4_000);
        }
        session.close();
    }

    private static void send(DatagramSocket from, RtpSession to, byte[] packet) throws java.io.IOException {
        from.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), to.localPort()));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
