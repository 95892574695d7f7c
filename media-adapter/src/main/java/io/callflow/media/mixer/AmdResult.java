package io.callflow.media.mixer;

/** The outcome of answering-machine detection. */
public record AmdResult(Verdict verdict, String cause) {
    public enum Verdict { HUMAN, MACHINE, NOTSURE }
}
