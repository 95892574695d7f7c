package io.callflow.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Warms a platform until the JIT compilers have (nearly) stopped, so that figures are of a warm server, as one that
 * has run for a while is. Right after start-up the compilers take most of a core for a minute or more on these
 * 2 cores (measured in QueryLatency: more CPU than the request threads in a window 20 s after start), and a
 * measurement then reports their work as the load's latency and CPU. Settled: a round in which compiling took
 * under 2 % of the round's wall time; at most {@code bench.jit-settle} seconds (default 120).
 */
final class JitSettle {
    /** One round of the load that is about to be measured. */
    interface Round {
        void run() throws Exception;
    }

    private JitSettle() {
    }

    static void warm(Round round) throws Exception {
        Duration limit = Settings.seconds("bench.jit-settle", 120);
        long start = System.nanoTime();
        int rounds = 0;
        long compiling;
        do {
            long before = Watch.jitMillis();
            long roundStart = System.nanoTime();
            round.run();
            compiling = Watch.jitMillis() - before;
            rounds++;
            if (compiling < 0.02 * (System.nanoTime() - roundStart) / 1e6) {
                break;
            }
        } while (System.nanoTime() - start < limit.toNanos());
        System.out.printf(Locale.ROOT, "  warm-up until the JIT settled: %d rounds, %.0f s; the last round compiled for "
                + "%d ms%n", rounds, (System.nanoTime() - start) / 1e9, compiling);
    }
}
