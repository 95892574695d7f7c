package io.callflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Drives one operation from several threads, each sending its next operation as soon as the
 * last one returned (closed loop), and records every operation's latency.
 */
final class Load {
    /** One operation, e.g. one command sent and waited for; {@code sender} is the thread's index. */
    @FunctionalInterface
    interface Operation {
        void run(int sender, long sequence) throws Exception;
    }

    /**
     * What one load level measured.
     *
     * @param operations operations that completed inside the measured span
     * @param nanos      the measured span: from its start to the end of the last operation counted
     * @param latencies  per-operation latency in nanoseconds
     * @param errors     operations that threw (not counted in {@code operations})
     * @param firstError the first of them, to print
     */
    record Result(long operations, long nanos, Histogram latencies, long errors, Throwable firstError) {
        double perSecond() {
            return nanos == 0 ? 0 : operations * 1e9 / nanos;
        }

        double millis(double percentile) {
            return operations == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1e6;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    private Load() {
    }

    private static Histogram histogram() {
        return new Histogram(Duration.ofMinutes(10).toNanos(), 3);
    }

    /**
     * Runs {@code senders} threads for {@code warmup} (not recorded) and then {@code measure};
     * operations that start inside the measured span are counted.
     */
    static Result forDuration(int senders, Duration warmup, Duration measure, Operation operation)
            throws InterruptedException {
        List<Sender> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        for (int i = 0; i < senders; i++) {
            int index = i;
            Sender sender = new Sender();
            sender.thread = new Thread(() -> {
                ready.countDown();
                awaitQuietly(go);
                long measureFrom = window[0];
                long until = window[1];
                long sequence = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= until) {
                        return;
                    }
                    try {
                        operation.run(index, sequence++);
                    } catch (Throwable e) {
                        sender.failed(e);
                        continue;
                    }
                    long end = System.nanoTime();
                    if (start >= measureFrom) {
                        sender.latencies.recordValue(Math.min(end - start, sender.latencies.getHighestTrackableValue()));
                        sender.operations++;
                        sender.lastEnd = Math.max(sender.lastEnd, end);
                    }
                }
            }, "sender-" + i);
            sender.thread.start();
            threads.add(sender);
        }
        ready.await();
        long now = System.nanoTime();
        window[0] = now + warmup.toNanos();
        window[1] = window[0] + measure.toNanos();
        go.countDown(); // happens-before: the threads see window
        return collect(threads, window[0]);
    }

    /** Runs {@code total} operations spread over {@code senders} threads; measures from the start to the last end. */
    static Result forCount(int senders, int total, Operation operation) throws InterruptedException {
        List<Sender> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < senders; i++) {
            int index = i;
            Sender sender = new Sender();
            sender.thread = new Thread(() -> {
                ready.countDown();
                awaitQuietly(go);
                int n;
                while ((n = next.getAndIncrement()) < total) {
                    long start = System.nanoTime();
                    try {
                        operation.run(index, n);
                    } catch (Throwable e) {
                        sender.failed(e);
                        continue;
                    }
                    long end = System.nanoTime();
                    sender.latencies.recordValue(Math.min(end - start, sender.latencies.getHighestTrackableValue()));
                    sender.operations++;
                    sender.lastEnd = Math.max(sender.lastEnd, end);
                }
            }, "sender-" + i);
            sender.thread.start();
            threads.add(sender);
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        return collect(threads, start);
    }

    private static Result collect(List<Sender> threads, long from) throws InterruptedException {
        Histogram all = histogram();
        long operations = 0;
        long errors = 0;
        long lastEnd = from;
        Throwable first = null;
        for (Sender s : threads) {
            s.thread.join();
            all.add(s.latencies);
            operations += s.operations;
            errors += s.errors;
            lastEnd = Math.max(lastEnd, s.lastEnd);
            if (first == null) {
                first = s.firstError;
            }
        }
        return new Result(operations, lastEnd - from, all, errors, first);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Sender {
        Thread thread;
        final Histogram latencies = histogram();
        long operations;
        long errors;
        long lastEnd;
        Throwable firstError;

        void failed(Throwable e) {
            errors++;
            if (firstError == null) {
                firstError = e;
            }
            try {
                Thread.sleep(10); // a failing operation must not turn into a busy loop
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
