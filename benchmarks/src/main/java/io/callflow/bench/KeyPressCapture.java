package io.callflow.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A capture file (libpcap, Ethernet, IPv4, UDP) of one caller's RTP stream as a phone sends it
 * while its user presses keys: G.711 A-law silence every 20 ms, and each key press an RFC 4733
 * telephone event. SIPp's {@code play_pcap_audio} replays it into a call with the capture's
 * timing.
 *
 * <p>One key press takes {@link #CYCLE_MILLIS}: five event packets 20 ms apart at the event's
 * timestamp (the first with the marker bit, durations 160 to 800 samples), the end packet three
 * times (RFC 4733, section 2.5.1.4: the final packet is sent three times), then audio again.
 * Two presses of the same key in a row are two events: they differ in timestamp, not in code.
 */
final class KeyPressCapture {
    static final String KEYS = "0123456789*#ABCD";
    /** One key press: 100 ms of tone, the end packets, 60 ms of audio before the next. */
    static final int CYCLE_MILLIS = 200;
    /** Audio before the first key, so the flow's digits_receive has started when it comes. */
    static final int LEAD_IN_MILLIS = 2_000;
    static final int EVENT_PAYLOAD_TYPE = 101;
    private static final int AUDIO_PAYLOAD_TYPE = 8;
    private static final int FRAME_SAMPLES = 160;
    private static final byte ALAW_SILENCE = (byte) 0xD5;
    private static final int EVENT_VOLUME = 10;

    private final ByteBuffer out = ByteBuffer.allocate(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
    private final int ssrc;
    private long micros;
    private int sequence;
    private int timestamp;

    private KeyPressCapture(int ssrc) {
        this.ssrc = ssrc;
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535).putInt(1);
    }

    /** Writes {@code keys} (characters of {@link #KEYS}) as a capture with the stream's SSRC {@code ssrc}. */
    static void write(Path file, String keys, int ssrc) throws IOException {
        KeyPressCapture capture = new KeyPressCapture(ssrc);
        capture.audio(LEAD_IN_MILLIS / 20);
        for (char key : keys.toCharArray()) {
            capture.press(KEYS.indexOf(key));
        }
        capture.audio(25);
        Files.write(file, Arrays.copyOf(capture.out.array(), capture.out.position()));
    }

    /** How long the capture plays. */
    static long millis(int keys) {
        return LEAD_IN_MILLIS + (long) keys * CYCLE_MILLIS + 500;
    }

    private void press(int event) {
        if (event < 0) {
            throw new IllegalArgumentException("not a key of " + KEYS);
        }
        int start = timestamp;
        for (int packet = 0; packet < 5; packet++) {
            rtp(EVENT_PAYLOAD_TYPE, packet == 0, start, telephoneEvent(event, false, FRAME_SAMPLES * (packet + 1)));
            micros += 20_000;
        }
        for (int copy = 0; copy < 3; copy++) {
            rtp(EVENT_PAYLOAD_TYPE, false, start, telephoneEvent(event, true, 5 * FRAME_SAMPLES));
            micros += 20_000;
        }
        timestamp = start + 8 * FRAME_SAMPLES;
        audio(CYCLE_MILLIS / 20 - 8);
    }

    private void audio(int frames) {
        byte[] silence = new byte[FRAME_SAMPLES];
        Arrays.fill(silence, ALAW_SILENCE);
        for (int i = 0; i < frames; i++) {
            rtp(AUDIO_PAYLOAD_TYPE, false, timestamp, silence);
            timestamp += FRAME_SAMPLES;
            micros += 20_000;
        }
    }

    private static byte[] telephoneEvent(int event, boolean end, int duration) {
        return new byte[]{(byte) event, (byte) ((end ? 0x80 : 0) | EVENT_VOLUME), (byte) (duration >> 8), (byte) duration};
    }

    /** One packet record: pcap header, Ethernet, IPv4 (192.168.0.1 → .2), UDP 6000 → 6000, RTP. */
    private void rtp(int payloadType, boolean marker, int rtpTimestamp, byte[] payload) {
        int rtpLength = 12 + payload.length;
        int udpLength = 8 + rtpLength;
        int ipLength = 20 + udpLength;
        int frameLength = 14 + ipLength;
        out.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frameLength).putInt(frameLength);
        out.order(ByteOrder.BIG_ENDIAN);
        out.put(new byte[]{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        int ipStart = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) sequence).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(new byte[]{(byte) 192, (byte) 168, 0, 1}).put(new byte[]{(byte) 192, (byte) 168, 0, 2});
        out.putShort(ipStart + 10, ipChecksum(ipStart));
        out.putShort((short) 6000).putShort((short) 6000).putShort((short) udpLength).putShort((short) 0);
        out.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence)
                .putInt(rtpTimestamp).putInt(ssrc).put(payload);
        sequence = (sequence + 1) & 0xffff;
    }

    private short ipChecksum(int start) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += out.getShort(start + i) & 0xffff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
