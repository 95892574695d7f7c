package io.callflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * What else happened in the JVM while a load ran, for reading its latencies: the connection
 * pool, sampled every 5 ms (did senders ever wait for a connection?), and the garbage
 * collector's count and time (stop-the-world pauses show up directly in p99), and the database's
 * writing transactions (transaction ids assigned, each one a durable commit) and WAL bytes, read
 * from the xid horizon and the WAL position, which move at once (the cumulative statistics views
 * lag by up to seconds), and the CPU time of this JVM and of the database's server processes: on
 * a machine shared with other work, CPU per operation moves much less between runs than
 * operations per second.
 */
final class Watch {
    private final HikariPoolMXBean pool;
    private final DataSource database;
    private final long[] databaseBefore;
    private long[] databaseAfter;
    private final Thread sampler;
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private final long jitMillisBefore;
    private long jitMillis;
    private final long jvmCpuBefore;
    private final java.util.Map<Long, Long> postgresCpuBefore;
    private long jvmCpuNanos;
    private long postgresCpuNanos = -1;
    private volatile boolean running = true;
    private volatile int maxActive;
    private volatile int maxWaiting;
    private long gcCount;
    private long gcMillis;

    private Watch(HikariPoolMXBean pool, DataSource database) {
        this.pool = pool;
        this.database = database;
        this.databaseBefore = databaseCounters(database);
        this.jvmCpuBefore = jvmCpu();
        this.postgresCpuBefore = postgresCpu(database);
        this.gcCountBefore = gcCount();
        this.gcMillisBefore = gcMillis();
        this.jitMillisBefore = jitMillis();
        this.sampler = new Thread(this::sample, "pool-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching; when the DataSource is null or not Hikari, only the collector is watched. */
    static Watch start(DataSource dataSource) {
        if (dataSource == null) {
            return new Watch(null, null);
        }
        try {
            return new Watch(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean(), dataSource);
        } catch (SQLException e) {
            return new Watch(null, dataSource);
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
        jitMillis = jitMillis() - jitMillisBefore;
        databaseAfter = databaseCounters(database);
        jvmCpuNanos = jvmCpu() - jvmCpuBefore;
        java.util.Map<Long, Long> postgresAfter = postgresCpu(database);
        if (postgresCpuBefore != null && postgresAfter != null) {
            postgresCpuNanos = postgresAfter.entrySet().stream().filter(e -> postgresCpuBefore.containsKey(e.getKey()))
                    .mapToLong(e -> e.getValue() - postgresCpuBefore.get(e.getKey())).sum();
        }
    }

    /**
     * Time the JIT compilers spent compiling so far (milliseconds of their threads' work): a JVM that is still
     * compiling spends cores on it that the load competes for, so a figure taken then is of a cold server.
     */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** CPU time of this JVM (the platform and the load's senders, all in-process). */
    private static long jvmCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * CPU time (user + system, nanoseconds) of each of the database's server processes, by pid, from
     * {@code /proc/<pid>/stat} (clock ticks of 10 ms); null where that cannot be read (not Linux, not local).
     */
    private static java.util.Map<Long, Long> postgresCpu(DataSource database) {
        if (database == null) {
            return null;
        }
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity")) {
            while (r.next()) {
                long pid = r.getLong(1);
                java.nio.file.Path stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
                String line = java.nio.file.Files.readString(stat);
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state is field 3, utime 14 and stime 15 of the whole line
                cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L);
            }
            return cpu;
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writing transactions (committed or not) and WAL bytes while watched, or null if not read. */
    long[] databaseWrites() {
        if (databaseBefore == null || databaseAfter == null) {
            return null;
        }
        return new long[] {databaseAfter[0] - databaseBefore[0], databaseAfter[1] - databaseBefore[1]};
    }

    /** The next transaction id to be assigned and the WAL insert position in bytes; null without a database. */
    private static long[] databaseCounters(DataSource database) {
        if (database == null) {
            return null;
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, "
                     + "pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        } catch (SQLException e) {
            return null;
        }
    }

    /** For a report line, e.g. {@code pool: at most 33 of 40 in use, 0 waiting; gc: 12 collections, 410 ms}. */
    String summary() {
        return summary(0);
    }

    /** The summary with the database's writes also per operation, when {@code operations} is positive. */
    String summary(long operations) {
        String connections = pool == null ? "pool: not sampled"
                : "pool: at most " + maxActive + " of " + Platform.POOL_SIZE + " in use, " + maxWaiting + " waiting";
        long[] writes = databaseWrites();
        String database = writes == null ? "" : "; db: " + writes[0] + " write transactions, " + writes[1] / 1024
                + " KiB WAL" + (operations <= 0 ? "" : String.format(java.util.Locale.ROOT,
                " (%.1f and %.1f KiB per operation)", writes[0] / (double) operations, writes[1] / 1024.0 / operations));
        String cpu = String.format(java.util.Locale.ROOT, "; cpu: JVM %.1f s, PostgreSQL %s", jvmCpuNanos / 1e9,
                postgresCpuNanos < 0 ? "not read" : String.format(java.util.Locale.ROOT, "%.1f s", postgresCpuNanos / 1e9))
                + (operations <= 0 ? "" : String.format(java.util.Locale.ROOT, " (%.2f and %s ms per operation)",
                jvmCpuNanos / 1e6 / operations, postgresCpuNanos < 0 ? "-"
                        : String.format(java.util.Locale.ROOT, "%.2f", postgresCpuNanos / 1e6 / operations)));
        return connections + "; gc: " + gcCount + " collections, " + gcMillis + " ms; jit: " + jitMillis
                + " ms compiling" + database + cpu;
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
