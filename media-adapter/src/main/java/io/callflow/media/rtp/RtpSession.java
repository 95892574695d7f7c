package io.callflow.media.rtp;

import io.callflow.media.mixer.LegMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The RTP stream of one call leg: G.711 audio both ways in 20 ms frames, RFC 4733 keys
 * both ways, and a minimal RTCP sender report every 5 s (received RTCP is read and dropped).
 * Incoming datagrams are read and decoded on the shared {@link RtpReactor} thread and handed,
 * without a lock ({@link HandOff}), to the thread that calls {@link #receive()} (the mixer clock),
 * which plays them out of its jitter buffer of {@value #JITTER_DEPTH} frames. {@link #send(short[])}
 * encodes into a queued packet that the shared {@link RtpSender} thread puts on the wire, so the
 * caller never waits in a socket call. Neither allocates anything per frame.
 * The far end's address comes from its SDP and is re-latched once to the source of the
 * first packet received (symmetric RTP, for peers behind NAT).
 */
public final class RtpSession implements LegMedia, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int JITTER_DEPTH = 3;
    /** Frames on their way from the reactor to the clock: 640 ms, far more than a tick's worth. */
    private static final int ARRIVING_FRAMES = 32;
    /** Packets on their way to the sender thread: 320 ms of audio. */
    private static final int QUEUED_PACKETS = 16;
    private static final int EVENT_PACKET_MS = 50;
    private static final int RTCP_SENDER_REPORT = 200;
    private static final long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private final RtpReactor reactor;
    private final PortRange ports;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int localPort;
    /** Produced by the reactor thread, consumed by the thread that calls {@link #receive()}. */
    private final HandOff<ArrivingFrame> arriving = new HandOff<>(ARRIVING_FRAMES, ArrivingFrame::new);
    /** Produced under this session's monitor, consumed by the sender thread. */
    private final HandOff<QueuedPacket> queued = new HandOff<>(QUEUED_PACKETS, QueuedPacket::new);
    /** Only touched by the thread that calls {@link #receive()}. */
    private final JitterBuffer jitter = new JitterBuffer(JITTER_DEPTH);
    private final int ssrc = RANDOM.nextInt();
    private final ScheduledFuture<?> reports;

    private volatile MediaFormat format;
    private volatile InetSocketAddress remote;
    private volatile Consumer<Character> digits = key -> { };
    private volatile boolean closed;

    // Guarded by this: the sending side.
    private int sequence = RANDOM.nextInt(1 << 16);
    private int timestamp = RANDOM.nextInt();
    private boolean sendingEvent;
    private long digitsBusyUntil;
    private int packetsSent;
    private int octetsSent;

    // Only touched on the reactor thread: the receiving side.
    private boolean latched;
    private boolean remoteSeen;
    private int remoteSsrc;
    private boolean eventSeen;
    private int lastEventTimestamp;
    private int lastEvent;
    /** A new sender (SSRC) was seen: the next frame handed to the clock tells it to forget the old one. */
    private boolean senderChanged;

    /** A decoded frame in the hand-off from the reactor to the clock. */
    private static final class ArrivingFrame {
        final short[] samples = new short[FRAME_SAMPLES];
        int sequence;
        boolean senderChanged;
    }

    /** A packet waiting for the sender thread. */
    private static final class QueuedPacket {
        final byte[] data = new byte[RtpPacket.HEADER + FRAME_SAMPLES];
        int length;
        InetSocketAddress to;
    }

    private RtpSession(RtpReactor reactor, PortRange ports, DatagramChannel rtp, DatagramChannel rtcp, int localPort) {
        this.reactor = reactor;
        this.ports = ports;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.localPort = localPort;
        reactor.register(rtp, this::received);
        reactor.register(rtcp, (data, length, from) -> { });
        reports = reactor.timers().scheduleAtFixedRate(this::report, 5, 5, TimeUnit.SECONDS);
        reactor.sender().add(this);
    }

    /** Binds the next free port pair of {@code ports} on {@code bindAddress}. */
    public static RtpSession open(RtpReactor reactor, PortRange ports, String bindAddress) throws IOException {
        int attempts = Math.min(ports.capacity(), 16);
        for (int i = 0; i < attempts; i++) {
            int port = ports.acquire();
            DatagramChannel rtp = null;
            try {
                rtp = bind(bindAddress, port);
                DatagramChannel rtcp = bind(bindAddress, port + 1);
                return new RtpSession(reactor, ports, rtp, rtcp, port);
            } catch (BindException e) {
                log.debug("RTP port {} taken by another process", port);
                if (rtp != null) {
                    rtp.close();
                }
                ports.release(port);
            }
        }
        throw new IOException("no free RTP port pair after " + attempts + " attempts");
    }

    private static DatagramChannel bind(String address, int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(address, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    public int localPort() {
        return localPort;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** The format we send and expect, as the last offer/answer settled it (null before). */
    public MediaFormat format() {
        return format;
    }

    /** Where to send and in which format, from the far end's SDP. */
    public void connect(InetSocketAddress remote, MediaFormat format) {
        this.format = format;
        this.remote = remote;
    }

    /** Who hears the keys the far end presses (called on the reactor thread; must not block). */
    public void onDigit(Consumer<Character> listener) {
        this.digits = listener;
    }

    @Override
    public short[] receive() {
        if (closed) {
            return null;
        }
        for (ArrivingFrame frame; (frame = arriving.peek()) != null; arriving.release()) {
            if (frame.senderChanged) {
                jitter.reset();
            }
            jitter.put(frame.sequence, frame.samples);
        }
        return jitter.take();
    }

    @Override
    public void send(short[] frame) {
        if (frame.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame is " + FRAME_SAMPLES + " samples, not " + frame.length);
        }
        MediaFormat format = this.format;
        InetSocketAddress to = remote;
        synchronized (this) {
            int frameTimestamp = timestamp;
            timestamp += FRAME_SAMPLES;
            if (format == null || to == null || sendingEvent || closed) {
                return;
            }
            int seq = nextSequence();
            QueuedPacket packet = queued.claim();
            if (packet == null) {
                return; // the sender thread is a whole queue behind: lost, as on the wire
            }
            RtpPacket.writeHeader(packet.data, false, format.codec().payloadType(), seq, frameTimestamp, ssrc);
            format.codec().encode(frame, packet.data, RtpPacket.HEADER);
            queue(packet, packet.data.length, to);
        }
    }

    /**
     * Sends one key by RFC 4733: a start packet (marker set), one update every 50 ms and three
     * end packets, all with the timestamp of the start; audio is held back meanwhile. Keys sent
     * in a row queue behind each other. False when the far end offered no telephone-event.
     */
    public boolean sendDigit(char key, int durationMs) {
        MediaFormat format = this.format;
        int event = TelephoneEvent.eventOf(key);
        if (format == null || !format.hasTelephoneEvents() || event < 0 || closed) {
            return false;
        }
        int steps = Math.max(1, (durationMs + EVENT_PACKET_MS - 1) / EVENT_PACKET_MS);
        int samples = Math.max(1, durationMs) * SAMPLE_RATE / 1000;
        long delay;
        synchronized (this) {
            long now = System.nanoTime() / 1_000_000;
            delay = Math.max(0, digitsBusyUntil - now);
            digitsBusyUntil = now + delay + (long) steps * EVENT_PACKET_MS + 3 * 20 + EVENT_PACKET_MS;
        }
        int[] shared = new int[2]; // the event's timestamp, the end packets' sequence number
        for (int i = 0; i < steps; i++) {
            int step = i;
            int duration = Math.min((step + 1) * EVENT_PACKET_MS * SAMPLE_RATE / 1000, samples);
            reactor.timers().schedule(() -> eventPacket(format, new TelephoneEvent(event, false, 10, duration), step, shared),
                    delay + (long) step * EVENT_PACKET_MS, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < 3; i++) {
            int repeat = i;
            reactor.timers().schedule(() -> eventPacket(format, new TelephoneEvent(event, true, 10, samples), repeat, shared),
                    delay + (long) steps * EVENT_PACKET_MS + 20L * i, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Update packet {@code index} of an event, or end packet {@code index} (0-2) when the event says end. */
    private synchronized void eventPacket(MediaFormat format, TelephoneEvent event, int index, int[] shared) {
        boolean start = !event.end() && index == 0;
        if (start) {
            sendingEvent = true;
            shared[0] = timestamp;
        }
        int seq;
        if (!event.end()) {
            seq = nextSequence();
        } else {
            // The three end packets are one packet sent three times: same sequence number.
            if (index == 0) {
                shared[1] = nextSequence();
            }
            seq = shared[1];
            if (index == 2) {
                sendingEvent = false;
                // Audio (and the next key) carry timestamps after this event even when no audio was sent during it.
                int after = shared[0] + event.duration();
                if (timestamp - after < 0) {
                    timestamp = after;
                }
            }
        }
        InetSocketAddress to = remote;
        if (!closed && to != null) {
            QueuedPacket packet = queued.claim();
            if (packet != null) {
                byte[] payload = event.toBytes();
                RtpPacket.writeHeader(packet.data, start, format.eventPayloadType(), seq, shared[0], ssrc);
                System.arraycopy(payload, 0, packet.data, RtpPacket.HEADER, payload.length);
                queue(packet, RtpPacket.HEADER + payload.length, to);
            }
        }
    }

    private int nextSequence() {
        int value = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return value;
    }

    /** Hands a filled packet to the sender thread; under this session's monitor. */
    private void queue(QueuedPacket packet, int length, InetSocketAddress to) {
        packet.length = length;
        packet.to = to;
        queued.publish();
        packetsSent++;
        octetsSent += length - RtpPacket.HEADER;
        reactor.sender().wake();
    }

    /** On the sender thread: sends every packet queued so far through {@code buffer}; true when there was one. */
    boolean sendQueued(ByteBuffer buffer) {
        boolean any = false;
        for (QueuedPacket packet; (packet = queued.peek()) != null; queued.release()) {
            any = true;
            if (closed) {
                continue;
            }
            buffer.clear();
            buffer.put(packet.data, 0, packet.length);
            buffer.flip();
            try {
                rtp.send(buffer, packet.to);
            } catch (IOException e) {
                log.debug("RTP send to {} failed: {}", packet.to, e.toString());
            }
        }
        return any;
    }

    private void received(byte[] data, int length, SocketAddress from) {
        RtpPacket packet = RtpPacket.parse(data, length);
        if (packet == null || (packet.payloadType() >= 72 && packet.payloadType() <= 76)) {
            return;
        }
        if (!latched) {
            latched = true;
            if (!from.equals(remote)) {
                log.debug("RTP latched to {} (SDP said {})", from, remote);
                remote = (InetSocketAddress) from;
            }
        }
        if (!remoteSeen || packet.ssrc() != remoteSsrc) {
            if (remoteSeen) {
                senderChanged = true;
            }
            remoteSeen = true;
            remoteSsrc = packet.ssrc();
            eventSeen = false;
        }
        MediaFormat format = this.format;
        if (format != null && packet.payloadType() == format.eventPayloadType()) {
            telephoneEvent(packet, data);
            return;
        }
        Codec codec = Codec.ofPayloadType(packet.payloadType());
        if (codec != null && packet.payloadLength() > 0) {
            ArrivingFrame frame = arriving.claim();
            if (frame == null) {
                return; // the clock is a whole hand-off behind: dropped like a lost packet
            }
            int samples = Math.min(packet.payloadLength(), FRAME_SAMPLES);
            codec.decode(data, packet.payloadOffset(), samples, frame.samples);
            Arrays.fill(frame.samples, samples, FRAME_SAMPLES, (short) 0);
            frame.sequence = packet.sequence();
            frame.senderChanged = senderChanged;
            senderChanged = false;
            arriving.publish();
        }
    }

    /** A key press is one event code at one timestamp, however many update and end packets carry it. */
    private void telephoneEvent(RtpPacket packet, byte[] data) {
        TelephoneEvent event = TelephoneEvent.parse(data, packet.payloadOffset(), packet.payloadLength());
        if (event == null || (eventSeen && packet.timestamp() == lastEventTimestamp && event.event() == lastEvent)) {
            return;
        }
        eventSeen = true;
        lastEventTimestamp = packet.timestamp();
        lastEvent = event.event();
        char key = event.key();
        if (key != 0) {
            digits.accept(key);
        }
    }

    private void report() {
        InetSocketAddress to = remote;
        if (to == null || closed) {
            return;
        }
        byte[] sr = new byte[28];
        sr[0] = (byte) 0x80;
        sr[1] = (byte) RTCP_SENDER_REPORT;
        sr[3] = 6;
        long millis = System.currentTimeMillis();
        synchronized (this) {
            if (packetsSent == 0) {
                return;
            }
            RtpPacket.writeInt(sr, 4, ssrc);
            RtpPacket.writeInt(sr, 8, (int) (millis / 1000 + NTP_EPOCH_OFFSET_SECONDS));
            RtpPacket.writeInt(sr, 12, (int) ((millis % 1000) * (1L << 32) / 1000));
            RtpPacket.writeInt(sr, 16, timestamp);
            RtpPacket.writeInt(sr, 20, packetsSent);
            RtpPacket.writeInt(sr, 24, octetsSent);
        }
        try {
            rtcp.send(ByteBuffer.wrap(sr), new InetSocketAddress(to.getAddress(), to.getPort() + 1));
        } catch (IOException e) {
            log.debug("RTCP send failed: {}", e.toString());
        }
    }

    /** Stops both directions and gives the port pair back to the range once both sockets are closed. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        reports.cancel(false);
        reactor.sender().remove(this);
        reactor.close(rtp, () -> { });
        reactor.close(rtcp, () -> ports.release(localPort));
    }
}
