package io.callflow.media.mixer;

import io.callflow.media.audio.Goertzel;
import java.util.Arrays;

/** Measurements the mixer tests make on what legs heard. */
final class Audio {
    private Audio() {
    }

    /** The samples between the first and the last one that is not zero. */
    static short[] trimmed(short[] samples) {
        int start = 0;
        while (start < samples.length && samples[start] == 0) {
            start++;
        }
        int end = samples.length;
        while (end > start && samples[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOfRange(samples, start, end);
    }

    static double share(short[] samples, int frequency) {
        return Goertzel.energyShare(samples, frequency, LegMedia.SAMPLE_RATE);
    }

    static double share(short[] samples, int from, int length, int frequency) {
        return Goertzel.energyShare(samples, from, length, frequency, LegMedia.SAMPLE_RATE);
    }
}
