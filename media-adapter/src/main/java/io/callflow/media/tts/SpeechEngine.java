package io.callflow.media.tts;

/** Text to speech in the mixer's format. Implementations are thread-safe. */
public interface SpeechEngine {

    /**
     * Speaks {@code text} (plain text or SSML, whose tags are dropped by engines that do not
     * understand them) as 8 kHz 16-bit mono samples. {@code language} (BCP 47, e.g. en-US) and
     * {@code voice} may be empty for the engine's default.
     *
     * @throws IllegalArgumentException when the engine has no voice for the language or name
     * @throws SpeechException when synthesis fails
     */
    short[] synthesize(String text, String language, String voice);
}
