package io.callflow.media.rtp;

/**
 * Reorders decoded 20 ms frames by RTP sequence number and releases one per
 * {@link #take()}. Playout starts once {@code depth} frames are held and restarts that
 * way after the buffer runs dry; a missing frame yields null once, then playout moves on.
 * Sequence numbers are extended to 64 bits, so the 16-bit wraparound is invisible here.
 */
final class JitterBuffer {
    private static final int CAPACITY = 64;

    private final int depth;
    private final short[][] frames = new short[CAPACITY][];
    private final long[] sequences = new long[CAPACITY];
    private int held;
    private long highestExtended = -1;
    /** Next extended sequence number to play, -1 while filling. */
    private long next = -1;
    /** Last extended sequence number played or skipped; older packets are late and dropped. */
    private long played = -1;

    JitterBuffer(int depth) {
        this.depth = depth;
    }

    synchronized void put(int sequence, short[] frame) {
        long extended = extend(sequence);
        if (extended <= played) {
            return;
        }
        if (next >= 0 && extended >= next + CAPACITY) {
            clear();
        }
        int slot = (int) (extended % CAPACITY);
        if (frames[slot] == null) {
            held++;
        }
        frames[slot] = frame;
        sequences[slot] = extended;
    }

    synchronized short[] take() {
        if (next < 0) {
            if (held < depth) {
                return null;
            }
            next = lowestHeld();
        }
        int slot = (int) (next % CAPACITY);
        short[] frame = null;
        if (frames[slot] != null && sequences[slot] == next) {
            frame = frames[slot];
            frames[slot] = null;
            held--;
        }
        played = next++;
        if (held == 0) {
            next = -1;
        }
        return frame;
    }

    /** Forget everything, e.g. when the sender's SSRC changes. */
    synchronized void reset() {
        clear();
        highestExtended = -1;
        played = -1;
    }

    private void clear() {
        java.util.Arrays.fill(frames, null);
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
            if (frames[i] != null && sequences[i] < lowest) {
                lowest = sequences[i];
            }
        }
        return lowest;
    }
}
