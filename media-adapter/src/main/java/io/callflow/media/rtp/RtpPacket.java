package io.callflow.media.rtp;

/**
 * One RTP packet's fixed header (RFC 3550 section 5.1) and where its payload lies in the
 * datagram, after any CSRC list and header extension and before any padding.
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, int timestamp, int ssrc,
                        int payloadOffset, int payloadLength) {

    static final int HEADER = 12;

    /** The packet in {@code data[0, length)}, or null when it is not a well-formed RTP packet. */
    public static RtpPacket parse(byte[] data, int length) {
        if (length < HEADER || (data[0] & 0xC0) != 0x80) {
            return null;
        }
        int offset = HEADER + 4 * (data[0] & 0x0F);
        if ((data[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return null;
            }
            offset += 4 + 4 * (((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF));
        }
        int end = length;
        if ((data[0] & 0x20) != 0) {
            end -= data[length - 1] & 0xFF;
        }
        if (offset > end) {
            return null;
        }
        return new RtpPacket((data[1] & 0x80) != 0, data[1] & 0x7F,
                ((data[2] & 0xFF) << 8) | (data[3] & 0xFF), readInt(data, 4), readInt(data, 8),
                offset, end - offset);
    }

    /** A datagram with this header (no CSRC, extension or padding) followed by {@code payload}. */
    public static byte[] write(boolean marker, int payloadType, int sequence, int timestamp, int ssrc, byte[] payload) {
        byte[] out = new byte[HEADER + payload.length];
        writeHeader(out, marker, payloadType, sequence, timestamp, ssrc);
        System.arraycopy(payload, 0, out, HEADER, payload.length);
        return out;
    }

    /** Writes this header (no CSRC, extension or padding) into {@code out[0, HEADER)}; the payload follows it. */
    static void writeHeader(byte[] out, boolean marker, int payloadType, int sequence, int timestamp, int ssrc) {
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out[2] = (byte) (sequence >> 8);
        out[3] = (byte) sequence;
        writeInt(out, 4, timestamp);
        writeInt(out, 8, ssrc);
    }

    static int readInt(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    static void writeInt(byte[] data, int at, int value) {
        data[at] = (byte) (value >>> 24);
        data[at + 1] = (byte) (value >>> 16);
        data[at + 2] = (byte) (value >>> 8);
        data[at + 3] = (byte) value;
    }
}
