package io.callflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Projection rebuild speed (issue 5, benchmark 1): the {@code activeflows} projection rebuilt without
 * downtime through the admin API ({@code POST /v1/admin/projections/activeflows/rebuild}, then its progress
 * polled every 100 ms until {@code done}) over a history of one million events ({@link History}).
 * Baseline, same run, same database: one plain sequential JDBC read of {@code domainevententry} ordered by
 * global index with a fetch size of 10,000, reading every column the storage engine reads, payload and
 * metadata bytes included. It is read before and after the rebuild; the faster read is the baseline.
 *
 * <p>Settings: {@code bench.events} (1,000,000), {@code bench.projection-timeout} (1,800 s).
 */
public final class RebuildSpeed {
    static final double TARGET_RATE = 20_000;
    static final double TARGET_RATIO = 0.25;
    private static final String REBUILD = "/v1/admin/projections/activeflows/rebuild";

    public static void main(String[] args) {
        Program.run(RebuildSpeed::run);
    }

    /** What one plain read saw. */
    record Read(long events, long bytes, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    static void run() throws Exception {
        long events = Settings.integer("bench.events", 1_000_000);
        Duration limit = Settings.seconds("bench.projection-timeout", 1800);
        try (Platform platform = Platform.start("rebuild-speed")) {
            System.out.println();
            System.out.println("== RebuildSpeed: zero-downtime rebuild of the activeflows projection vs a plain read ==");
            platform.describe("RebuildSpeed");
            DataSource db = platform.dataSource();
            Http http = platform.http();
            History.Loaded history = History.append(platform, platform.adminCustomer(), events, limit);
            long stored = count(db, "SELECT count(*) FROM domainevententry");
            long rowsBefore = count(db, "SELECT count(*) FROM activeflows");

            Read before = plainRead(db);
            System.out.printf(Locale.ROOT, "  plain read: %,d events, %,d MB in %.2f s: %s events/s%n", before.events,
                    before.bytes >> 20, before.seconds, Table.rate(before.perSecond()));

            Watch watch = Watch.start(db);
            long start = System.nanoTime();
            http.post(REBUILD);
            JsonNode progress;
            long lastPrint = start;
            while (true) {
                Thread.sleep(100);
                progress = Json.mapper().readTree(http.get(REBUILD));
                String status = progress.path("status").asText();
                if ("done".equals(status) || "failed".equals(status)) {
                    break;
                }
                if (System.nanoTime() - lastPrint > 10e9) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "    %s: %,d of %,d events, %,.0f events/s%n", status,
                            progress.path("events_done").asLong(), progress.path("events_total").asLong(),
                            progress.path("events_per_second").asDouble());
                }
            }
            double rebuildSeconds = (System.nanoTime() - start) / 1e9;
            watch.close();
            if (!"done".equals(progress.path("status").asText())) {
                throw new IllegalStateException("the rebuild failed: " + progress);
            }
            long replayed = progress.path("events_done").asLong();
            long rowsAfter = count(db, "SELECT count(*) FROM activeflows");
            System.out.printf(Locale.ROOT, "  rebuild: %,d events replayed in %.2f s (POST until done): %s events/s;"
                            + " the rebuild's own figure %s events/s; activeflow rows %,d before, %,d after (%s)%n",
                    replayed, rebuildSeconds, Table.rate(replayed / rebuildSeconds),
                    Table.rate(progress.path("events_per_second").asDouble()), rowsBefore, rowsAfter, watch.summary());
            if (rowsAfter != rowsBefore) {
                throw new IllegalStateException("the rebuilt projection has " + rowsAfter + " rows, not " + rowsBefore);
            }

            Read after = plainRead(db);
            System.out.printf(Locale.ROOT, "  plain read again: %,d events in %.2f s: %s events/s%n", after.events,
                    after.seconds, Table.rate(after.perSecond()));
            Read baseline = after.perSecond() > before.perSecond() ? after : before;
            double rate = replayed / rebuildSeconds;
            double ratio = rate / baseline.perSecond();

            Table table = new Table("", "events", "seconds", "events/s", "vs plain read");
            table.row("rebuild of activeflows (admin API, POST until done)", replayed,
                    String.format(Locale.ROOT, "%.2f", rebuildSeconds), Table.rate(rate), Table.ratio(ratio));
            table.row("baseline: plain JDBC read of domainevententry", baseline.events,
                    String.format(Locale.ROOT, "%.2f", baseline.seconds), Table.rate(baseline.perSecond()), "1.00");
            System.out.println();
            System.out.printf("RebuildSpeed results (%,d events in the store, %,d activeflows of %d events)%n", stored,
                    history.ids().size() + 1, history.eventsPerActiveflow());
            System.out.print(table.render());
            System.out.printf(Locale.ROOT, "target: >= %,.0f events/s: %s; >= 1/4 of the plain read: %s (%.2f)%n",
                    TARGET_RATE, Table.verdict(rate >= TARGET_RATE), Table.verdict(ratio >= TARGET_RATIO), ratio);
            System.out.println();
        }
    }

    /** Every event in the store's order, every column the storage engine reads, in one read-only transaction. */
    static Read plainRead(DataSource db) throws SQLException {
        long start = System.nanoTime();
        long events = 0;
        long bytes = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL's driver fetches in pages only inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement s = c.prepareStatement("SELECT globalindex, aggregateidentifier, sequencenumber, "
                    + "type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp "
                    + "FROM domainevententry ORDER BY globalindex")) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(1);
                        bytes += r.getString(2).length() + 16;
                        r.getLong(3);
                        r.getString(4);
                        r.getString(5);
                        byte[] metadata = r.getBytes(6);
                        byte[] payload = r.getBytes(7);
                        r.getString(8);
                        r.getString(9);
                        r.getString(10);
                        bytes += payload.length + (metadata == null ? 0 : metadata.length);
                        events++;
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
        return new Read(events, bytes, (System.nanoTime() - start) / 1e9);
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
