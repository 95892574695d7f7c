package io.callflow.bench;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.flow.CreateFlow;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Command throughput: {@code CreateFlow} commands (a flow of 3 actions) sent with
 * {@link CommandGateway#sendAndWait} by 1, 8 and 32 concurrent senders, each level run for a
 * fixed time after a warm-up. Each command loads nothing, decides one event and commits it to
 * the JDBC event store in its own transaction.
 *
 * <p>Baseline, measured in the same run against the same DataSource and database: single-row
 * autocommit INSERTs of a payload as large as the stored event, with the same senders for the
 * same time. The ratio says what fraction of the database's durable single-row commit rate the
 * command path reaches.
 *
 * <p>Settings: {@code bench.senders} (1,8,32), {@code bench.warmup} (3 s), {@code bench.duration} (10 s),
 * {@code bench.jit-settle} (120 s, see {@link JitSettle}: rounds of the busiest level, commands and raw inserts,
 * before any level is measured).
 */
public final class CommandThroughput {
    static final int TARGET_RATE = 1000;
    static final double TARGET_P99_MS = 50;
    static final double TARGET_RATIO = 1.0 / 3;

    public static void main(String[] args) {
        Program.run(CommandThroughput::run);
    }

    static void run() throws Exception {
        List<Integer> levels = Settings.integers("bench.senders", "1,8,32");
        Duration warmup = Settings.seconds("bench.warmup", 3);
        Duration duration = Settings.seconds("bench.duration", 10);
        List<Action> actions = Flows.parse(Flows.THREE_ACTIONS);
        CustomerId customer = new CustomerId(Ids.random());

        try (Platform platform = Platform.start("command-throughput")) {
            System.out.println();
            System.out.println("== CommandThroughput: CreateFlow (3 actions) through CommandGateway.sendAndWait ==");
            platform.describe("CommandThroughput");
            CommandGateway commands = platform.commands();
            DataSource db = platform.dataSource();

            // one command first: it must work, and its stored event sizes the baseline's rows
            FlowId probe = new FlowId(Ids.random());
            commands.sendAndWait(createFlow(probe, customer, actions));
            int payloadBytes = storedEventBytes(db, probe.toString());
            byte[] payload = new byte[payloadBytes];
            ThreadLocalRandom.current().nextBytes(payload);
            createRawTable(db);
            System.out.printf("  per level: %.1f s warm-up, then %.1f s measured; commands and raw inserts alternate per level%n",
                    warmup.toNanos() / 1e9, duration.toNanos() / 1e9);
            System.out.printf("  baseline: autocommit INSERT INTO bench_raw(id uuid primary key, payload bytea), "
                    + "payload %d bytes (payload + metadata of the stored FlowCreated event)%n", payloadBytes);

            int busiest = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
            JitSettle.warm(() -> {
                Load.forDuration(busiest, Duration.ZERO, warmup, (sender, n) ->
                        commands.sendAndWait(createFlow(new FlowId(Ids.random()), customer, actions)));
                Load.forDuration(busiest, Duration.ZERO, warmup, (sender, n) -> insertRaw(db, payload));
            });
            Table table = new Table("senders", "commands/s", "p50 ms", "p99 ms", "raw inserts/s", "raw p50",
                    "raw p99", "ratio");
            Load.Result atMost = null;
            Load.Result rawAtMost = null;
            int most = 0;
            for (int senders : levels) {
                AtomicLong sent = new AtomicLong(); // warm-up included, as in the watched span
                Watch watch = Watch.start(db);
                Load.Result cmd = Load.forDuration(senders, warmup, duration, (sender, n) -> {
                    sent.incrementAndGet();
                    commands.sendAndWait(createFlow(new FlowId(Ids.random()), customer, actions));
                });
                watch.close();
                report("commands", senders, cmd, watch, sent.get());
                AtomicLong inserted = new AtomicLong();
                Watch rawWatch = Watch.start(db);
                Load.Result raw = Load.forDuration(senders, warmup, duration, (sender, n) -> {
                    inserted.incrementAndGet();
                    insertRaw(db, payload);
                });
                rawWatch.close();
                report("raw inserts", senders, raw, rawWatch, inserted.get());
                table.row(senders, Table.rate(cmd.perSecond()), Table.ms(cmd.millis(50)), Table.ms(cmd.millis(99)),
                        Table.rate(raw.perSecond()), Table.ms(raw.millis(50)), Table.ms(raw.millis(99)),
                        Table.ratio(cmd.perSecond() / raw.perSecond()));
                if (senders >= most) {
                    most = senders;
                    atMost = cmd;
                    rawAtMost = raw;
                }
            }

            System.out.println();
            System.out.println("CommandThroughput results (ratio = commands/s / raw inserts/s, same senders, same database)");
            System.out.print(table.render());
            if (atMost != null) {
                double rate = atMost.perSecond();
                double p99 = atMost.millis(99);
                double ratio = rate / rawAtMost.perSecond();
                System.out.printf(Locale.ROOT, "targets at %d senders: commands/s >= %d: %s (%s) | p99 <= %.0f ms: %s (%s ms)"
                                + " | ratio >= 0.33: %s (%s)%n",
                        most, TARGET_RATE, Table.verdict(most >= 32 && rate >= TARGET_RATE), Table.rate(rate),
                        TARGET_P99_MS, Table.verdict(p99 <= TARGET_P99_MS), Table.ms(p99),
                        Table.verdict(ratio >= TARGET_RATIO), String.format(Locale.ROOT, "%.3f", ratio));
                if (most < 32) {
                    System.out.println("(the commands/s target is for 32 senders; this run had at most " + most + ")");
                }
            }
            System.out.println();
        }
    }

    static CreateFlow createFlow(FlowId id, CustomerId customer, List<Action> actions) {
        return new CreateFlow(id, customer, FlowType.FLOW, "benchmark flow", "", actions, null,
                Timestamps.truncate(Instant.now()));
    }

    static void report(String what, int senders, Load.Result result, Watch watch, long watchedOperations) {
        System.out.printf(Locale.ROOT, "  %2d senders, %-11s: %8s/s  p50 %s ms  p99 %s ms  (%d in %.1f s; %s%s)%n",
                senders, what, Table.rate(result.perSecond()), Table.ms(result.millis(50)),
                Table.ms(result.millis(99)), result.operations(), result.seconds(), watch.summary(watchedOperations),
                result.errors() == 0 ? "" : "; " + result.errors() + " FAILED, first: " + result.firstError());
    }

    /** Bytes of payload and metadata of the event stored for one aggregate. */
    static int storedEventBytes(DataSource db, String aggregateId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(sum(octet_length(payload) + coalesce(octet_length(metadata), 0)), 0) "
                        + "/ greatest(count(*), 1) FROM domainevententry WHERE aggregateidentifier = ?")) {
            s.setString(1, aggregateId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                int bytes = r.getInt(1);
                if (bytes == 0) {
                    throw new IllegalStateException("no stored event for " + aggregateId);
                }
                return bytes;
            }
        }
    }

    private static void createRawTable(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, payload bytea NOT NULL)");
        }
    }

    private static void insertRaw(DataSource db, byte[] payload) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO bench_raw (id, payload) VALUES (?, ?)")) {
            s.setObject(1, Ids.random());
            s.setBytes(2, payload);
            s.executeUpdate();
        }
    }
}
