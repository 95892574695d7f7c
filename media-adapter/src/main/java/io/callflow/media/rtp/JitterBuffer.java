package io.callflow.media.rtp;

import io.callflow.media.mixer.LegMedia;

import java.util.Arrays;

/**
 * Reorders decoded 20 ms frames by RTP sequence number and releases one per
 * {@link #take()}. Playout starts once {@code depth} frames are held and restarts that
 * way after the buffer runs dry; a missing frame yields null once, then playout moves on.
 * Sequence numbers are extended to 64 bits, so the 16-bit wraparound is invisible here.
 * <p>
 * Not thread-safe: one thread (the mixer clock, through {@link RtpSession#receive()}) puts and
 * takes. Frames are copied into storage allocated once, so nothing is allocated per packet.
 */
final class JitterBuffer {
    private static final int CAPACITY = 64;
    private static final long EMPTY = -1;

    private final int depth;
    private final short[][] frames = new short[CAPACITY][LegMedia.FRAME_SAMPLES];
    /** The extended sequence number each slot holds, or {@link #EMPTY}. */
    private final long[] sequences = new long[CAPACITY];
    private int held;
    private long highestExtended = -1;
    /** Next extended sequence number to play, -1 while filling. */
    private long next = -1;
    /** Last extended sequence number played or skipped; older packets are late and dropped. */
    private long played = -1;

    JitterBuffer(int depth) {
        this.depth = depth;
        Arrays.fill(sequences, EMPTY);
    }

    /** Keeps a copy of the first {@value LegMedia#FRAME_SAMPLES} samples of {@code frame} as packet {@code sequence}. */
    void put(int sequence, short[] frame) {
        long extended = extend(sequence);
        if (extended <= played) {
            return;
        }
        if (next >= 0 && extended >= next + CAPACITY) {
            clear();
        }
        int slot = (int) (extended % CAPACITY);
        if (sequences[slot] == EMPTY) {
            held++;
        }
        System.arraycopy(frame, 0, frames[slot], 0, LegMedia.FRAME_SAMPLES);
        sequences[slot] = extended;
    }

    /** The next frame to play, or null; the array is the buffer's own and valid until the next {@link #put}. */
    short[] take() {
        if (next < 0) {
            if (held < depth) {
                return null;
            }
            next = lowestHeld();
        }
        int slot = (int) (next % CAPACITY);
        short[] frame = null;
        if (sequences[slot] == next) {
            frame = frames[slot];
            sequences[slot] = EMPTY;
            held--;
        }
        played = next++;
        if (held == 0) {
            next = -1;
        }
        return frame;
    }

    /** Forget everything, e.g. when the sender's SSRC changes. */
    void reset() {
        clear();
        highestExtended = -1;
        played = -1;
    }

    private void clear() {
        Arrays.fill(sequences, EMPTY);
        held = 0;
        next = -1;
    }

    private long extend(int sequence) {
        if (highestExtended < 0) {
            highestExtended = (1L << 16) + sequence;
            return highestExtended;
        }
        int delta = (short) (sequence - (int) (highestExtended & 0xFFFF));
        long extended = highestExtended + delta;
        if (extended > highestExtended) {
            highestExtended = extended;
        }
        return extended;
    }

    private long lowestHeld() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < CAPACITY; i++) {
            if (sequences[i] != EMPTY && sequences[i] < lowest) {
                lowest = sequences[i];
            }
        }
        return lowest;
    }
}
