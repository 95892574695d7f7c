package io.callflow.media.mixer;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late the mixer clock's ticks start, in microseconds, in log-linear buckets (exact
 * below 128 µs, then 64 buckets per power of two: within 1.6 %) like an HdrHistogram.
 * One writer (the clock thread) and any number of readers, without locks.
 */
final class LatenessHistogram {
    private static final int EXACT = 128;
    private static final int SUB_BUCKETS = 64;
    private static final int MAX_EXPONENT = 40;

    private final AtomicLongArray counts = new AtomicLongArray(EXACT + (MAX_EXPONENT - 6) * SUB_BUCKETS);
    private volatile long total;
    private volatile long max;

    /** Records one tick's lateness; clock thread only. */
    void record(long micros) {
        long value = Math.max(0, Math.min(micros, (1L << MAX_EXPONENT) - 1));
        int bucket = bucket(value);
        counts.lazySet(bucket, counts.get(bucket) + 1);
        if (value > max) {
            max = value;
        }
        total = total + 1;
    }

    /** Forgets every tick recorded so far; clock thread only. */
    void reset() {
        for (int bucket = 0; bucket < counts.length(); bucket++) {
            counts.lazySet(bucket, 0);
        }
        max = 0;
        total = 0;
    }

    TickStats stats() {
        long ticks = total;
        long highest = max;
        return new TickStats(ticks, Math.min(percentile(ticks, 0.50), highest), Math.min(percentile(ticks, 0.99), highest),
                highest);
    }

    /** The upper edge of the bucket that holds the given share of ticks. */
    private long percentile(long ticks, double share) {
        if (ticks == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(share * ticks);
        long seen = 0;
        for (int bucket = 0; bucket < counts.length(); bucket++) {
            seen += counts.get(bucket);
            if (seen >= wanted) {
                return upperEdge(bucket);
            }
        }
        return max;
    }

    static int bucket(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - 6;
        return EXACT + (exponent - 7) * SUB_BUCKETS + (int) ((value >> shift) - SUB_BUCKETS);
    }

    static long upperEdge(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        int exponent = (bucket - EXACT) / SUB_BUCKETS + 7;
        int shift = exponent - 6;
        long lower = (long) ((bucket - EXACT) % SUB_BUCKETS + SUB_BUCKETS) << shift;
        return lower + (1L << shift) - 1;
    }
}
