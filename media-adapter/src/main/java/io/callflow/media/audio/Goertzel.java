package io.callflow.media.audio;

/**
 * Goertzel's algorithm: the energy of one frequency in a block of samples, without a full
 * FFT. Used to measure tones (DTMF, beeps) in tests and detectors.
 */
public final class Goertzel {
    private Goertzel() {
    }

    /** Squared magnitude of the DFT term at {@code frequency} over the block. */
    public static double power(short[] samples, int offset, int length, double frequency, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = offset; i < offset + length; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    /**
     * The share of the block's energy found at {@code frequency}: about 1 for a pure tone at
     * that frequency, about 0.5 for each of two equally loud tones, near 0 for other sounds.
     */
    public static double energyShare(short[] samples, int offset, int length, double frequency, int sampleRate) {
        double energy = 0;
        for (int i = offset; i < offset + length; i++) {
            energy += (double) samples[i] * samples[i];
        }
        return energy == 0 ? 0 : 2 * power(samples, offset, length, frequency, sampleRate) / (length * energy);
    }

    public static double energyShare(short[] samples, double frequency, int sampleRate) {
        return energyShare(samples, 0, samples.length, frequency, sampleRate);
    }
}
