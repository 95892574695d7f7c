package io.callflow.media.audio;

/** ITU-T G.711 µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8) to and from 16-bit linear PCM. */
public final class G711 {
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawToLinear((byte) i);
            ALAW_TO_LINEAR[i] = alawToLinear((byte) i);
        }
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            LINEAR_TO_ULAW[s & 0xFFFF] = linearToUlaw(s);
            LINEAR_TO_ALAW[s & 0xFFFF] = linearToAlaw(s);
        }
    }

    private G711() {
    }

    public static byte ulaw(short sample) {
        return LINEAR_TO_ULAW[sample & 0xFFFF];
    }

    public static byte alaw(short sample) {
        return LINEAR_TO_ALAW[sample & 0xFFFF];
    }

    public static short fromUlaw(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static short fromAlaw(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    public static byte[] encodeUlaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        encodeUlaw(pcm, out, 0);
        return out;
    }

    public static byte[] encodeAlaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        encodeAlaw(pcm, out, 0);
        return out;
    }

    /** Encodes every sample of {@code pcm} into {@code out} from {@code offset} on, without allocating. */
    public static void encodeUlaw(short[] pcm, byte[] out, int offset) {
        for (int i = 0; i < pcm.length; i++) {
            out[offset + i] = ulaw(pcm[i]);
        }
    }

    /** Encodes every sample of {@code pcm} into {@code out} from {@code offset} on, without allocating. */
    public static void encodeAlaw(short[] pcm, byte[] out, int offset) {
        for (int i = 0; i < pcm.length; i++) {
            out[offset + i] = alaw(pcm[i]);
        }
    }

    public static short[] decodeUlaw(byte[] codes, int offset, int length) {
        short[] out = new short[length];
        decodeUlaw(codes, offset, length, out);
        return out;
    }

    public static short[] decodeAlaw(byte[] codes, int offset, int length) {
        short[] out = new short[length];
        decodeAlaw(codes, offset, length, out);
        return out;
    }

    /** Decodes {@code length} codes into the start of {@code out}, without allocating. */
    public static void decodeUlaw(byte[] codes, int offset, int length, short[] out) {
        for (int i = 0; i < length; i++) {
            out[i] = fromUlaw(codes[offset + i]);
        }
    }

    /** Decodes {@code length} codes into the start of {@code out}, without allocating. */
    public static void decodeAlaw(byte[] codes, int offset, int length, short[] out) {
        for (int i = 0; i < length; i++) {
            out[i] = fromAlaw(codes[offset + i]);
        }
    }

    private static byte linearToUlaw(int sample) {
        int sign = (sample >> 8) & 0x80;
        int magnitude = sign != 0 ? -sample : sample;
        if (magnitude > CLIP) {
            magnitude = CLIP;
        }
        magnitude += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short ulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = ((mantissa << 3) + BIAS) << exponent;
        return (short) (sign != 0 ? BIAS - magnitude : magnitude - BIAS);
    }

    private static byte linearToAlaw(int sample) {
        int sign = sample >= 0 ? 0x80 : 0x00;
        int magnitude = sample >= 0 ? sample : -sample - 1;
        if (magnitude > 32767) {
            magnitude = 32767;
        }
        int code;
        if (magnitude < 256) {
            code = magnitude >> 4;
        } else {
            int exponent = 1;
            for (int m = magnitude >> 8; m > 1; m >>= 1) {
                exponent++;
            }
            code = (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0F);
        }
        return (byte) ((code | sign) ^ 0x55);
    }

    private static short alawToLinear(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int sign = a & 0x80;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? magnitude : -magnitude);
    }
}
