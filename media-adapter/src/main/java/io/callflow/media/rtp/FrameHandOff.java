package io.callflow.media.rtp;

import io.callflow.media.mixer.LegMedia;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded 20 ms frames on their way from the thread that receives them (the reactor) to the
 * thread that plays them out (the mixer clock): a bounded ring with exactly one producer and
 * one consumer and no lock, so neither thread ever waits for the other. The producer decodes
 * into the next free slot in place ({@link #claim()}) and publishes it with its RTP sequence
 * number; the consumer hands every published frame, in order, to its jitter buffer (which copies
 * it) and frees the slots. A frame that finds the ring full is dropped, as a lost packet would be.
 * A change of sender travels with the first frame published after it, so the jitter buffer
 * forgets the old sender exactly where the new one's frames begin, as when it was told at once.
 */
final class FrameHandOff {
    private final short[][] frames;
    private final int[] sequences;
    private final boolean[] resets;
    private final int mask;
    /** Frames published so far; written by the producer only. */
    private final AtomicLong published = new AtomicLong();
    /** Frames taken so far; written by the consumer only. */
    private final AtomicLong taken = new AtomicLong();

    // Producer only:
    private long takenSeen;
    private boolean resetPending;

    /** A ring of {@code capacity} frames, a power of two. */
    FrameHandOff(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        frames = new short[capacity][LegMedia.FRAME_SAMPLES];
        sequences = new int[capacity];
        resets = new boolean[capacity];
        mask = capacity - 1;
    }

    /** Producer: the frame to decode the next packet into, or null when the ring is full (drop it). */
    short[] claim() {
        long next = published.get();
        if (next - takenSeen > mask) {
            takenSeen = taken.get();
            if (next - takenSeen > mask) {
                return null;
            }
        }
        return frames[(int) (next & mask)];
    }

    /** Producer: publishes the frame last {@link #claim() claimed}, filled, as packet {@code sequence}. */
    void publish(int sequence) {
        long next = published.get();
        int slot = (int) (next & mask);
        sequences[slot] = sequence;
        resets[slot] = resetPending;
        resetPending = false;
        published.lazySet(next + 1);
    }

    /** Producer: the sender changed; the consumer forgets the old one before the next frame published. */
    void reset() {
        resetPending = true;
    }

    /** Consumer: moves every frame published so far into {@code jitter}, oldest first. */
    void drainTo(JitterBuffer jitter) {
        long next = taken.get();
        long end = published.get();
        if (next == end) {
            return;
        }
        for (; next < end; next++) {
            int slot = (int) (next & mask);
            if (resets[slot]) {
                jitter.reset();
            }
            jitter.put(sequences[slot], frames[slot]);
        }
        taken.lazySet(end);
    }
}
