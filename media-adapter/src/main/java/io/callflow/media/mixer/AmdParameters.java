package io.callflow.media.mixer;

/**
 * Answering-machine detection settings, named and defaulted as VoiceBlender's (seed 002),
 * all in milliseconds.
 */
public record AmdParameters(int initialSilenceTimeout, int greetingDuration, int afterGreetingSilence,
                            int totalAnalysisTime, int minimumWordLength) {
    public static AmdParameters defaults() {
        return new AmdParameters(2500, 1500, 800, 5000, 100);
    }
}
