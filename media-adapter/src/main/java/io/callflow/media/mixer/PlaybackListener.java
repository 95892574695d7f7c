package io.callflow.media.mixer;

/** Told once when a playback ends. */
@FunctionalInterface
public interface PlaybackListener {
    enum Outcome { FINISHED, STOPPED, FAILED }

    /** {@code detail} says why for FAILED (e.g. the URL answered 404), else null. */
    void ended(Outcome outcome, String detail);
}
