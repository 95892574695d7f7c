package io.callflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real platform, started in this JVM exactly as {@code java -jar} starts it, on a fresh
 * embedded PostgreSQL under {@code bench.target} (benchmarks/target when run through run.sh).
 * The application class is loaded by name: the app module's jar is a Spring Boot repackaged
 * jar, so this module cannot compile against it (see the pom).
 */
final class Platform implements AutoCloseable {
    static final String APPLICATION = "io.callflow.app.CallflowApplication";
    /** Larger than the most concurrent senders (32), so no sender ever waits for a connection. */
    static final int POOL_SIZE = Settings.integer("bench.pool-size", 40);

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final boolean kept;

    private Platform(ConfigurableApplicationContext context, Path dataDir, boolean kept) {
        this.context = context;
        this.dataDir = dataDir;
        this.kept = kept;
    }

    /** @param settings more {@code --name=value} arguments, e.g. a limit the benchmark needs raised */
    static Platform start(String name, String... settings) throws Exception {
        Path dataDir = Files.createTempDirectory(Settings.targetDirectory(), name + "-data-");
        return startIn(dataDir, Settings.flag("bench.keep-data"), settings);
    }

    /** A fresh platform whose SIP edge listens on loopback at {@code sipPort}, RTP on ports 20000–29999. */
    static Platform withSip(String name, int sipPort) throws Exception {
        return start(name, "--callflow.sip.port=" + sipPort, "--callflow.sip.bind-address=127.0.0.1",
                "--callflow.rtp.port-min=20000", "--callflow.rtp.port-max=29999");
    }

    /**
     * The platform on a data directory that may hold an earlier run's data (see {@link History#loadOrAppend});
     * {@code keep}: not deleted at the end.
     */
    static Platform startIn(Path dataDir, boolean keep, String... settings) throws Exception {
        // as CallflowApplication.main does: the update checker would call a host outside
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Files.createDirectories(dataDir);
        Class<?> application = Class.forName(APPLICATION);
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--callflow.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--callflow.datasource.pool-size=" + POOL_SIZE,
                "--logging.level.root=" + Settings.text("bench.log-level", "WARN")));
        arguments.addAll(java.util.List.of(settings));
        ConfigurableApplicationContext context = SpringApplication.run(application, arguments.toArray(String[]::new));
        return new Platform(context, dataDir, keep);
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /** A bean of a type this module may compile against (Axon, domain, flow-engine), never an app class. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The HTTP API with JSON bodies, as the admin customer (for the calls and media benchmarks' flows and numbers). */
    Api api() throws IOException {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return new Api("http://127.0.0.1:" + port, Files.readString(dataDir.resolve("admin-api-key")).trim());
    }

    Path dataDir() {
        return dataDir;
    }

    /** The HTTP API on loopback, called with the admin key the first start wrote to the data directory. */
    Http http() throws IOException {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        String key = Files.readString(dataDir.resolve("admin-api-key")).trim();
        return new Http(java.net.URI.create("http://127.0.0.1:" + port), key);
    }

    /** The customer the admin key belongs to: on a fresh platform, the only one. */
    io.callflow.domain.common.CustomerId adminCustomer() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM customers ORDER BY tm_create LIMIT 1")) {
            r.next();
            return new io.callflow.domain.common.CustomerId(r.getObject(1, java.util.UUID.class));
        }
    }

    /**
     * Waits until every streaming event processor (projections, effects, on-complete chain) has
     * handled the store up to its current head; returns false if that took longer than {@code limit}.
     */
    boolean awaitProcessorsCaughtUp(java.time.Duration limit) throws InterruptedException {
        long head = context.getBean(EventStore.class).createHeadToken().position().orElse(0);
        long deadline = System.nanoTime() + limit.toNanos();
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        int inARow = 0;
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && !reached(streaming, head)) {
                    all = false;
                    break;
                }
            }
            // three polls in a row: a caught-up flag can be true for a moment before the store's reader fetched more
            inARow = all ? inARow + 1 : 0;
            if (inARow == 3) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * At the head, or, for a pooled processor (its stream skips the types it never handles, so its position stays at
     * the last event it was given), caught up. A tracking processor's caught-up flag stays set once it first reached
     * the head, so only its position tells whether it has handled what was stored since.
     */
    private static boolean reached(StreamingEventProcessor processor, long head) {
        var status = processor.processingStatus();
        boolean skips = processor instanceof PooledStreamingEventProcessor;
        return !status.isEmpty() && status.values().stream().allMatch(s -> !s.isErrorState()
                && (s.getCurrentPosition().orElse(-1) >= head || skips && s.isCaughtUp()));
    }

    /**
     * Prints what the figures depend on and refuses to measure a database that does not
     * make each commit durable: a benchmark with fsync off measures something else.
     */
    void describe(String what) throws SQLException {
        String fsync = show("fsync");
        String synchronousCommit = show("synchronous_commit");
        int pool = -1;
        try {
            pool = dataSource().unwrap(HikariDataSource.class).getMaximumPoolSize();
        } catch (SQLException e) {
            // not Hikari: the pool size is unknown
        }
        System.out.printf("%s: platform started in-process, data in %s%n", what, dataDir);
        System.out.printf("  PostgreSQL %s, fsync=%s, synchronous_commit=%s, connection pool=%d; %d cores, java %s, "
                        + "max heap %d MB, %s%n",
                show("server_version"), fsync, synchronousCommit, pool, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(", ")));
        if (!"on".equals(fsync) || !"on".equals(synchronousCommit)) {
            throw new IllegalStateException("fsync and synchronous_commit must be on to measure anything meaningful");
        }
        if (pool >= 0 && pool < 32) {
            throw new IllegalStateException("the connection pool (" + pool + ") is smaller than the 32 senders");
        }
    }

    private String show(String setting) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    @Override
    public void close() {
        context.close();
        if (!kept) {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.out.println("  (could not delete " + root + ": " + e.getMessage() + ")");
        }
    }
}
