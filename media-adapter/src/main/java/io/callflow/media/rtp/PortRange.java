package io.callflow.media.rtp;

import java.util.BitSet;

/**
 * Hands out even RTP ports from {@code [min, max]}; RTCP takes the odd port above each.
 * Ports are handed out round-robin so a just-released port rests before it is reused.
 */
public final class PortRange {
    private final int first;
    private final int slots;
    private final BitSet used;
    private int cursor;

    public PortRange(int min, int max) {
        this.first = min % 2 == 0 ? min : min + 1;
        this.slots = Math.max(0, (max - first + 1) / 2);
        if (slots == 0) {
            throw new IllegalArgumentException("no even RTP port with its RTCP port in " + min + ".." + max);
        }
        this.used = new BitSet(slots);
    }

    /** An even port not in use; throws {@link IllegalStateException} when all are taken. */
    public synchronized int acquire() {
        int slot = used.nextClearBit(cursor);
        if (slot >= slots) {
            slot = used.nextClearBit(0);
        }
        if (slot >= slots) {
            throw new IllegalStateException("all " + slots + " RTP ports are in use");
        }
        used.set(slot);
        cursor = (slot + 1) % slots;
        return first + 2 * slot;
    }

    public synchronized void release(int port) {
        int slot = (port - first) / 2;
        if (port % 2 == 0 && slot >= 0 && slot < slots) {
            used.clear(slot);
        }
    }

    public synchronized int inUse() {
        return used.cardinality();
    }

    public int capacity() {
        return slots;
    }
}
