package io.callflow.media.mixer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One {@code play} request: its sources, prepared off the clock, played one after the other.
 * The mixer clock owns it; a source not yet prepared plays as silence until it is.
 */
final class Playback {
    enum State { PLAYING, FINISHED, FAILED }

    final String id;
    final String target;
    final PlaybackListener listener;
    private final List<CompletableFuture<short[]>> sources;
    private int source;
    private int position;
    private String failure;

    Playback(String id, String target, List<CompletableFuture<short[]>> sources, PlaybackListener listener) {
        this.id = id;
        this.target = target;
        this.sources = sources;
        this.listener = listener;
    }

    /** Adds the next {@code out.length} samples (or what is left) into {@code out}. */
    State mixInto(int[] out) {
        int filled = 0;
        while (filled < out.length && source < sources.size()) {
            CompletableFuture<short[]> next = sources.get(source);
            if (!next.isDone()) {
                return State.PLAYING;
            }
            short[] samples;
            try {
                samples = next.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                failure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                return State.FAILED;
            }
            int count = Math.min(out.length - filled, samples.length - position);
            for (int i = 0; i < count; i++) {
                out[filled + i] += samples[position + i];
            }
            filled += count;
            position += count;
            if (position == samples.length) {
                source++;
                position = 0;
            }
        }
        return source == sources.size() ? State.FINISHED : State.PLAYING;
    }

    /** Why it failed, once {@link #mixInto} said FAILED. */
    String failure() {
        return failure;
    }

    /** Stops preparing sources that are no longer wanted. */
    void cancel() {
        for (CompletableFuture<short[]> next : sources) {
            next.cancel(false);
        }
    }
}
