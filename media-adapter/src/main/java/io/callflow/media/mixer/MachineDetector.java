package io.callflow.media.mixer;

import io.callflow.media.audio.Pcm;

/**
 * Answering-machine detection on a leg's incoming 20 ms frames, with VoiceBlender's
 * parameters and verdicts. A frame is voiced when its level reaches {@link #VOICE_RMS}; a
 * voiced burst counts as a word once it lasts {@code minimumWordLength} (shorter bursts
 * count as silence). Then, checked after every frame, first match wins:
 * <ol>
 *   <li>{@code totalAnalysisTime} reached: NOTSURE, cause {@code total_analysis_time}
 *       (so a threshold equal to the window never fires);</li>
 *   <li>no word yet and {@code initialSilenceTimeout} of silence: NOTSURE, {@code no_speech};</li>
 *   <li>the greeting (first word's start to the last voiced frame) longer than
 *       {@code greetingDuration}: MACHINE, {@code long_greeting};</li>
 *   <li>after a word, {@code afterGreetingSilence} of silence: HUMAN, {@code after_greeting_silence}.</li>
 * </ol>
 * Not thread-safe: the mixer clock owns it.
 */
final class MachineDetector {
    /** About −40 dBFS: above a quiet line's noise, below any speech. */
    static final double VOICE_RMS = 330;
    private static final int FRAME_MS = 20;

    private final AmdParameters parameters;
    private int elapsedMs;
    private int burstMs;
    private int silenceMs;
    private int greetingStartMs = -1;
    private int lastVoicedMs;

    MachineDetector(AmdParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * VoiceBlender's rules for the parameters: 0 takes the default, negatives and a window
     * shorter than all three verdict thresholds are refused.
     */
    static AmdParameters normalize(AmdParameters given) {
        AmdParameters defaults = AmdParameters.defaults();
        int[] values = {given.initialSilenceTimeout(), given.greetingDuration(), given.afterGreetingSilence(),
                given.totalAnalysisTime(), given.minimumWordLength()};
        for (int value : values) {
            if (value < 0) {
                throw new IllegalArgumentException("AMD parameters must not be negative: " + given);
            }
        }
        AmdParameters p = new AmdParameters(
                orDefault(given.initialSilenceTimeout(), defaults.initialSilenceTimeout()),
                orDefault(given.greetingDuration(), defaults.greetingDuration()),
                orDefault(given.afterGreetingSilence(), defaults.afterGreetingSilence()),
                orDefault(given.totalAnalysisTime(), defaults.totalAnalysisTime()),
                orDefault(given.minimumWordLength(), defaults.minimumWordLength()));
        int window = p.totalAnalysisTime();
        if (window < p.initialSilenceTimeout() && window < p.greetingDuration() && window < p.afterGreetingSilence()) {
            throw new IllegalArgumentException("totalAnalysisTime is shorter than every verdict threshold: " + p);
        }
        return p;
    }

    /** Takes the next 20 ms (null or silence alike); returns the verdict once reached, else null. */
    AmdResult frame(short[] samples) {
        elapsedMs += FRAME_MS;
        boolean voiced = samples != null && Pcm.rms(samples) >= VOICE_RMS;
        if (voiced) {
            burstMs += FRAME_MS;
            if (burstMs >= parameters.minimumWordLength()) {
                if (greetingStartMs < 0) {
                    greetingStartMs = elapsedMs - burstMs;
                }
                lastVoicedMs = elapsedMs;
                silenceMs = 0;
            } else {
                silenceMs += FRAME_MS;
            }
        } else {
            burstMs = 0;
            silenceMs += FRAME_MS;
        }
        return verdict();
    }

    private AmdResult verdict() {
        if (elapsedMs >= parameters.totalAnalysisTime()) {
            return new AmdResult(AmdResult.Verdict.NOTSURE, "total_analysis_time");
        }
        if (greetingStartMs < 0) {
            return silenceMs >= parameters.initialSilenceTimeout()
                    ? new AmdResult(AmdResult.Verdict.NOTSURE, "no_speech") : null;
        }
        if (lastVoicedMs - greetingStartMs > parameters.greetingDuration()) {
            return new AmdResult(AmdResult.Verdict.MACHINE, "long_greeting");
        }
        if (silenceMs >= parameters.afterGreetingSilence()) {
            return new AmdResult(AmdResult.Verdict.HUMAN, "after_greeting_silence");
        }
        return null;
    }

    private static int orDefault(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}
