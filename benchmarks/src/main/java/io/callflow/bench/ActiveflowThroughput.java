package io.callflow.bench;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowResource;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Timestamps;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Activeflow throughput: N activeflows (default 2,000) of an inline 10-action flow that needs no
 * media and never waits, started by 16 concurrent senders with {@code StartActiveflow} through
 * {@link CommandGateway#sendAndWait}. Each start runs the whole flow in its command (eleven
 * action executions, about 35 events in one transaction). Measured two ways:
 * <ul>
 *   <li>end to end: from the first send until the activeflow projection shows all N with
 *       {@code status = 'ended'} (polled with JDBC);</li>
 *   <li>command side only: from the first send until the last {@code sendAndWait} returned.</li>
 * </ul>
 * Baseline, same run, same database, same senders: N plain JDBC transactions that each insert
 * one row and a batch of 30 small rows (about the events of one activeflow), sized like the
 * stored events.
 *
 * <p>Settings: {@code bench.activeflows} (2000), {@code bench.senders} (16),
 * {@code bench.warmup-activeflows} (200), {@code bench.baseline-rows} (30),
 * {@code bench.projection-timeout} (600 s), {@code bench.jit-settle} (120 s, see {@link JitSettle}: rounds of the
 * warm-up and of the baseline transactions until the JIT has settled).
 */
public final class ActiveflowThroughput {
    static final int TARGET_RATE = 200;

    public static void main(String[] args) {
        Program.run(ActiveflowThroughput::run);
    }

    static void run() throws Exception {
        int total = Settings.integer("bench.activeflows", 2000);
        int senders = Settings.integer("bench.senders", 16);
        int warmupCount = Settings.integer("bench.warmup-activeflows", 200);
        int smallRows = Settings.integer("bench.baseline-rows", 30);
        Duration projectionLimit = Settings.seconds("bench.projection-timeout", 600);
        List<Action> actions = Flows.parse(Flows.TEN_ACTIONS);
        List<ActiveflowEvent> expected = dryRun(actions);

        try (Platform platform = Platform.start("activeflow-throughput")) {
            System.out.println();
            System.out.println("== ActiveflowThroughput: StartActiveflow of an inline 10-action flow, until projected ==");
            platform.describe("ActiveflowThroughput");
            CommandGateway commands = platform.commands();
            DataSource db = platform.dataSource();
            long executions = expected.stream().filter(ActionStarted.class::isInstance).count();
            System.out.printf("  flow: 10 actions, %d executions, %d events decided per activeflow (interpreter dry run)%n",
                    executions, expected.size());

            // one activeflow first: it must end inside its command, and its stored events size the baseline's rows
            CustomerId probeCustomer = new CustomerId(Ids.random());
            ActiveflowId probe = new ActiveflowId(Ids.random());
            ActiveflowResource started = commands.sendAndWait(start(probe, probeCustomer, actions));
            if (!"ended".equals(started.status()) || !"finished".equals(started.stopReason())) {
                throw new IllegalStateException("the benchmark flow did not run to its end: status " + started.status()
                        + ", stop reason " + started.stopReason() + ", " + started.stopDetail());
            }
            int[] sizes = storedEventSizes(db, probe.toString());
            int stored = sizes.length;
            int firstBytes = sizes[0];
            int smallBytes = average(sizes, 1);
            System.out.printf("  stored per activeflow: %d events; first (ActiveflowCreated) %d bytes, the others %d bytes"
                    + " on average (payload + metadata)%n", stored, firstBytes, smallBytes);
            System.out.printf("  %d activeflows, %d senders, after a warm-up of %d activeflows (and %d baseline transactions)%n",
                    total, senders, warmupCount, warmupCount);

            if (warmupCount > 0) {
                // rounds of the warm-up (and of the baseline's transaction) until the JIT has settled
                byte[] warmFirst = randomBytes(firstBytes);
                byte[] warmSmall = randomBytes(smallBytes);
                createBaselineTables(db);
                JitSettle.warm(() -> {
                    CustomerId warm = new CustomerId(Ids.random());
                    Load.forCount(senders, warmupCount, (s, n) -> commands.sendAndWait(start(
                            new ActiveflowId(Ids.random()), warm, actions)));
                    awaitEnded(db, warm, warmupCount, projectionLimit);
                    platform.awaitProcessorsCaughtUp(projectionLimit);
                    Load.forCount(senders, warmupCount, (s, n) -> baselineTransaction(db, warmFirst, warmSmall,
                            smallRows));
                });
            }

            // the measured run
            CustomerId customer = new CustomerId(Ids.random());
            Watch endToEndWatch = Watch.start(db);
            Watch watch = Watch.start(db);
            long firstSend = System.nanoTime();
            Load.Result commandSide = Load.forCount(senders, total, (s, n) -> commands.sendAndWait(start(
                    new ActiveflowId(Ids.random()), customer, actions)));
            watch.close();
            long lastReturned = firstSend + commandSide.nanos();
            long projectedAt = awaitEnded(db, customer, total, projectionLimit);
            boolean projected = projectedAt > 0;
            long endToEndNanos = projected ? projectedAt - firstSend : 0;
            boolean caughtUp = platform.awaitProcessorsCaughtUp(projectionLimit);
            long allProcessorsNanos = System.nanoTime() - firstSend;
            endToEndWatch.close();
            report("platform, command side", commandSide, watch);
            System.out.printf(Locale.ROOT, "  platform, until every processor caught up: %s%n",
                    endToEndWatch.summary(total));
            System.out.printf(Locale.ROOT, "  projection showed all %d ended %.2f s after the first send (%.2f s after the last command returned)%n",
                    total, endToEndNanos / 1e9, (projectedAt - lastReturned) / 1e9);
            System.out.printf(Locale.ROOT, "  every event processor (projections, effects, on-complete chain) caught up %.2f s after the first send%s%n",
                    allProcessorsNanos / 1e9, caughtUp ? "" : " (NOT within the limit)");

            // the baseline, when the platform has nothing left to do
            byte[] first = randomBytes(firstBytes);
            byte[] small = randomBytes(smallBytes);
            createBaselineTables(db);
            Watch baselineWatch = Watch.start(db);
            Load.Result baseline = Load.forCount(senders, total, (s, n) -> baselineTransaction(db, first, small, smallRows));
            baselineWatch.close();
            report("baseline", baseline, baselineWatch);

            double endToEnd = projected ? total * 1e9 / endToEndNanos : Double.NaN;
            double commandRate = commandSide.perSecond();
            double baselineRate = baseline.perSecond();
            Table table = new Table("", "activeflows", "seconds", "activeflows/s", "p50 ms", "p99 ms",
                    "vs baseline");
            table.row("platform, end to end (first send -> last projected)", total,
                    projected ? String.format(Locale.ROOT, "%.2f", endToEndNanos / 1e9) : "not done",
                    projected ? Table.rate(endToEnd) : "-", "-", "-", Table.ratio(endToEnd / baselineRate));
            table.row("platform, command side only (first send -> last return)", commandSide.operations(),
                    String.format(Locale.ROOT, "%.2f", commandSide.seconds()), Table.rate(commandRate),
                    Table.ms(commandSide.millis(50)), Table.ms(commandSide.millis(99)),
                    Table.ratio(commandRate / baselineRate));
            table.row("baseline: JDBC tx of 1 row + " + smallRows + " small rows", baseline.operations(),
                    String.format(Locale.ROOT, "%.2f", baseline.seconds()), Table.rate(baselineRate),
                    Table.ms(baseline.millis(50)), Table.ms(baseline.millis(99)), "1.00");

            System.out.println();
            System.out.printf("ActiveflowThroughput results (%d activeflows, %d senders; baseline: %d transactions, %d senders)%n",
                    total, senders, baseline.operations(), senders);
            System.out.print(table.render());
            System.out.printf(Locale.ROOT, "target: >= %d activeflows/s end to end: %s (%s/s; command side alone %s/s)%n",
                    TARGET_RATE, Table.verdict(projected && endToEnd >= TARGET_RATE),
                    projected ? Table.rate(endToEnd) : "not all projected within " + projectionLimit.toSeconds() + " s",
                    Table.rate(commandRate));
            System.out.println();
        }
    }

    static StartActiveflow start(ActiveflowId id, CustomerId customer, List<Action> actions) {
        return new StartActiveflow(id, customer, null, actions, ReferenceType.API, null, null, 0, Map.of(),
                Timestamps.truncate(Instant.now()));
    }

    /** Runs the flow through the interpreter alone, to check it ends without waiting and to count its events. */
    static List<ActiveflowEvent> dryRun(List<Action> actions) {
        ActiveflowCreated created = new ActiveflowCreated(new ActiveflowId(Ids.random()),
                new CustomerId(Ids.random()), null, null, actions, ReferenceType.API, null, null, null, 0,
                Map.of(), Instant.now());
        List<ActiveflowEvent> events = new ArrayList<>();
        events.add(created);
        events.addAll(new Interpreter(ExecutionLimits.DEFAULT).start(ExecutionState.initial().evolve(created),
                Instant.now()));
        if (!(events.get(events.size() - 1) instanceof ActiveflowStopped stopped)
                || stopped.reason() != StopReason.FINISHED) {
            throw new IllegalStateException("the benchmark flow does not run to its end: " + events);
        }
        return events;
    }

    static void report(String what, Load.Result result, Watch watch) {
        System.out.printf(Locale.ROOT, "  %s: %s/s  p50 %s ms  p99 %s ms  (%d in %.2f s; %s%s)%n", what,
                Table.rate(result.perSecond()), Table.ms(result.millis(50)), Table.ms(result.millis(99)),
                result.operations(), result.seconds(), watch.summary(result.operations()),
                result.errors() == 0 ? "" : "; " + result.errors() + " FAILED, first: " + result.firstError());
    }

    /** Polls the projection until {@code count} activeflows of the customer are ended; the time it saw them, or 0. */
    static long awaitEnded(DataSource db, CustomerId customer, int count, Duration limit)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM activeflows WHERE customer_id = ? AND status = 'ended'")) {
            s.setObject(1, customer.value());
            long seen = 0;
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    seen = r.getLong(1);
                }
                if (seen >= count) {
                    return System.nanoTime();
                }
                Thread.sleep(20);
            }
            System.out.printf("  the projection showed only %d of %d ended within %d s%n", seen, count,
                    limit.toSeconds());
            return 0;
        }
    }

    /** The stored size (payload + metadata) of each event of one aggregate, in sequence. */
    static int[] storedEventSizes(DataSource db, String aggregateId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT octet_length(payload) + coalesce(octet_length(metadata), 0) FROM domainevententry "
                        + "WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            s.setString(1, aggregateId);
            List<Integer> sizes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sizes.add(r.getInt(1));
                }
            }
            if (sizes.size() < 2) {
                throw new IllegalStateException("expected the events of " + aggregateId + ", found " + sizes.size());
            }
            return sizes.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int average(int[] values, int from) {
        long sum = 0;
        for (int i = from; i < values.length; i++) {
            sum += values[i];
        }
        return (int) (sum / Math.max(1, values.length - from));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void createBaselineTables(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_flow (id uuid PRIMARY KEY, payload bytea NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS bench_flow_event (flow_id uuid NOT NULL, seq int NOT NULL, "
                    + "payload bytea NOT NULL, PRIMARY KEY (flow_id, seq))");
        }
    }

    /** One transaction: one row, then {@code rows} small rows sent as one JDBC batch, then commit. */
    private static void baselineTransaction(DataSource db, byte[] first, byte[] small, int rows) throws SQLException {
        UUID id = Ids.random();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement one = c.prepareStatement("INSERT INTO bench_flow (id, payload) VALUES (?, ?)");
                 PreparedStatement many = c.prepareStatement(
                         "INSERT INTO bench_flow_event (flow_id, seq, payload) VALUES (?, ?, ?)")) {
                one.setObject(1, id);
                one.setBytes(2, first);
                one.executeUpdate();
                for (int i = 0; i < rows; i++) {
                    many.setObject(1, id);
                    many.setInt(2, i);
                    many.setBytes(3, small);
                    many.addBatch();
                }
                many.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
