package io.callflow.media.tts;

/** The engine failed to speak a text it accepted. */
public class SpeechException extends RuntimeException {
    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
