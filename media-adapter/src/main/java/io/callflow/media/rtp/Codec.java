package io.callflow.media.rtp;

import io.callflow.media.audio.G711;

/** The two audio codecs the edge speaks, with their static RTP payload types. */
public enum Codec {
    PCMU(0), PCMA(8);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The codec of a static payload type, or null for one we do not speak. */
    public static Codec ofPayloadType(int payloadType) {
        return switch (payloadType) {
            case 0 -> PCMU;
            case 8 -> PCMA;
            default -> null;
        };
    }

    /** Encodes the frame into {@code out} from {@code offset} on. */
    void encode(short[] frame, byte[] out, int offset) {
        if (this == PCMU) {
            G711.encodeUlaw(frame, out, offset);
        } else {
            G711.encodeAlaw(frame, out, offset);
        }
    }

    /** Decodes {@code length} codes into the start of {@code out}. */
    void decode(byte[] payload, int offset, int length, short[] out) {
        if (this == PCMU) {
            G711.decodeUlaw(payload, offset, length, out);
        } else {
            G711.decodeAlaw(payload, offset, length, out);
        }
    }
}
