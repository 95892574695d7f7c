package io.callflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * What else happened in the JVM while a load ran, for reading its latencies: the connection
 * pool, sampled every 5 ms (did senders ever wait for a connection?), and the garbage
 * collector's count and time (stop-the-world pauses show up directly in p99).
 */
final class Watch {
    private final HikariPoolMXBean pool;
    private final Thread sampler;
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private volatile boolean running = true;
    private volatile int maxActive;
    private volatile int maxWaiting;
    private long gcCount;
    private long gcMillis;

    private Watch(HikariPoolMXBean pool) {
        this.pool = pool;
        this.gcCountBefore = gcCount();
        this.gcMillisBefore = gcMillis();
        this.sampler = new Thread(this::sample, "pool-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching; when the DataSource is null or not Hikari, only the collector is watched. */
    static Watch start(DataSource dataSource) {
        if (dataSource == null) {
            return new Watch(null);
        }
        try {
            return new Watch(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean());
        } catch (SQLException e) {
            return new Watch(null);
        }
    }

    private void sample() {
        while (running && pool != null) {
            maxActive = Math.max(maxActive, pool.getActiveConnections());
            maxWaiting = Math.max(maxWaiting, pool.getThreadsAwaitingConnection());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops watching; the summary keeps what was seen. */
    void close() throws InterruptedException {
        running = false;
        sampler.join();
        gcCount = gcCount() - gcCountBefore;
        gcMillis = gcMillis() - gcMillisBefore;
    }

    /** For a report line, e.g. {@code pool: at most 33 of 40 in use, 0 waiting; gc: 12 collections, 410 ms}. */
    String summary() {
        String connections = pool == null ? "pool: not sampled"
                : "pool: at most " + maxActive + " of " + Platform.POOL_SIZE + " in use, " + maxWaiting + " waiting";
        return connections + "; gc: " + gcCount + " collections, " + gcMillis + " ms";
    }

    private static List<GarbageCollectorMXBean> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans();
    }

    private static long gcCount() {
        return collectors().stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }

    private static long gcMillis() {
        return collectors().stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum();
    }
}
