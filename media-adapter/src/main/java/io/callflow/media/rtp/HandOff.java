package io.callflow.media.rtp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded ring between exactly one producing and one consuming thread, without a lock, so
 * neither ever waits for the other. Its slots are mutable objects made once: the producer fills
 * the next free slot in place ({@link #claim()}, then {@link #publish()}); the consumer reads the
 * oldest published one ({@link #peek()}) and frees it ({@link #release()}). Nothing is allocated
 * after construction. A producer that finds the ring full gets no slot and drops what it had.
 * Several threads may produce (or consume) if they take turns under one lock.
 */
final class HandOff<S> {
    private final Object[] slots;
    private final int mask;
    /** Slots published so far; written by the producer only. */
    private final AtomicLong published = new AtomicLong();
    /** Slots released so far; written by the consumer only. */
    private final AtomicLong released = new AtomicLong();

    // Producer only: the last count of released slots it read (re-read only when the ring looks full).
    private long releasedSeen;

    /** A ring of {@code capacity} slots, a power of two, each made by {@code slot}. */
    HandOff(int capacity, Supplier<S> slot) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        slots = new Object[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = slot.get();
        }
        mask = capacity - 1;
    }

    /** Producer: the next free slot to fill, or null when the ring is full. */
    S claim() {
        long next = published.get();
        if (next - releasedSeen > mask) {
            releasedSeen = released.get();
            if (next - releasedSeen > mask) {
                return null;
            }
        }
        return slot(next);
    }

    /** Producer: hands the slot last {@link #claim() claimed}, filled, to the consumer. */
    void publish() {
        published.lazySet(published.get() + 1);
    }

    /** Consumer: the oldest published slot not yet released, or null when there is none. */
    S peek() {
        long next = released.get();
        return next == published.get() ? null : slot(next);
    }

    /** Consumer: frees the slot last {@link #peek() peeked} at, for the producer to fill again. */
    void release() {
        released.lazySet(released.get() + 1);
    }

    @SuppressWarnings("unchecked")
    private S slot(long index) {
        return (S) slots[(int) (index & mask)];
    }
}
