package io.callflow.media.audio;

/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation (Blackman window).
 * The low-pass cut-off is 0.45 of the lower rate (3.6 kHz when the result is 8 kHz), so
 * 16 or 48 kHz speech folds no aliases into the telephone band.
 */
public final class Resampler {
    /** Zero crossings of the sinc on each side of the centre: about −70 dB of stop band with the Blackman window. */
    private static final int ZERO_CROSSINGS = 16;

    private Resampler() {
    }

    public static short[] resample(short[] in, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return in.clone();
        }
        double step = (double) fromRate / toRate;
        double cutoff = 0.45 * Math.min(fromRate, toRate) / fromRate;
        int half = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        short[] out = new short[(int) ((long) in.length * toRate / fromRate)];
        for (int n = 0; n < out.length; n++) {
            double t = n * step;
            int centre = (int) Math.floor(t);
            double sum = 0;
            for (int k = Math.max(0, centre - half + 1); k <= Math.min(in.length - 1, centre + half); k++) {
                double d = t - k;
                sum += in[k] * 2 * cutoff * sinc(2 * cutoff * d) * blackman(d / half);
            }
            out[n] = Pcm.saturate((int) Math.round(sum));
        }
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Blackman window over u in [−1, 1]. */
    private static double blackman(double u) {
        return Math.abs(u) >= 1 ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
    }
}
