package io.callflow.media.scheduling;

/**
 * How a thread that audio keeps time on (a mixer clock, the RTP reader and sender) is scheduled:
 * each calls {@link #enter()} once, first thing, on itself.
 */
@FunctionalInterface
public interface ThreadScheduling {
    /** The ordinary class, as every other thread. */
    ThreadScheduling ORDINARY = () -> { };

    void enter();
}
