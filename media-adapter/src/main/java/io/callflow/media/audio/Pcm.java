package io.callflow.media.audio;

/** 16-bit linear PCM arithmetic: saturation and levels. */
public final class Pcm {
    private Pcm() {
    }

    /** Clamps a sum of samples into 16 bits instead of letting it wrap around. */
    public static short saturate(int value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }

    /** Root-mean-square level of the samples, 0 to 32768; 0 for none. */
    public static double rms(short[] samples, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }

    public static double rms(short[] samples) {
        return rms(samples, 0, samples.length);
    }

    /** Level relative to full scale in dB; −∞ for silence. */
    public static double dbfs(double rms) {
        return 20 * Math.log10(rms / 32768.0);
    }
}
