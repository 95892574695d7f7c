package io.callflow.bench;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowResource;
import io.callflow.domain.common.CustomerId;
import io.callflow.engine.interpreter.Interpreter;
import io.callflow.engine.replay.Replay;
import io.callflow.engine.replay.ReplayReport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Replay rate (issue 5, benchmark 3): {@code POST /v1/activeflows/{id}/replay} of an activeflow that executed
 * 1,000 actions (the interpreter benchmark's 1,000-action flow, started through the command bus), over HTTP
 * from {@code bench.clients} threads in a closed loop, with the whole answer (every step's recorded and
 * replayed events) and with {@code omit_equal=true} (only steps that differ). The platform runs with its consecutive-step limit
 * raised to 10,000: at the default of exactly 1,000 the flow would be stopped as a runaway one check before
 * its end. Baseline, same run: the flow-engine's {@link Replay} over the same events in this JVM (read once
 * from the store), with the platform's own interpreter, from the same number of threads.
 *
 * <p>Settings: {@code bench.clients} (4), {@code bench.warmup} (3 s), {@code bench.duration} (10 s).
 */
public final class ReplayRate {
    static final double TARGET_RATE = 50;

    public static void main(String[] args) {
        Program.run(ReplayRate::run);
    }

    static void run() throws Exception {
        int clients = Settings.integer("bench.clients", 4);
        Duration warmup = Settings.seconds("bench.warmup", 3);
        Duration duration = Settings.seconds("bench.duration", 10);
        List<Action> actions = InterpreterBenchmark.thousandActions();
        try (Platform platform = Platform.start("replay-rate", "--callflow.limits.consecutive-steps=10000")) {
            System.out.println();
            System.out.println("== ReplayRate: POST /v1/activeflows/{id}/replay of a 1,000-step activeflow vs Replay in-process ==");
            platform.describe("ReplayRate");
            Http http = platform.http();
            CustomerId customer = platform.adminCustomer();
            ActiveflowId id = new ActiveflowId(Ids.random());
            ActiveflowResource started = platform.commands().sendAndWait(ActiveflowThroughput.start(id, customer,
                    actions));
            List<ActiveflowEvent> events = platform.bean(EventStore.class).readEvents(id.toString()).asStream()
                    .map(m -> (ActiveflowEvent) m.getPayload()).toList();
            long steps = events.stream().filter(ActionStarted.class::isInstance).count();
            if (steps != actions.size() || !"finished".equals(started.stopReason())) {
                throw new IllegalStateException("expected 1,000 steps run to the end, got " + steps + " steps, "
                        + started.status() + " " + started.stopReason() + " " + started.stopDetail());
            }
            Replay replay = new Replay(platform.bean(Interpreter.class));
            ReplayReport report = replay.replay(events);
            if (report.diverged()) {
                throw new IllegalStateException("the replay diverged: " + report.firstDivergence());
            }
            String path = "/v1/activeflows/" + id + "/replay";
            int responseBytes = http.post(path).length;
            System.out.printf(Locale.ROOT, "  activeflow %s: %d steps, %,d events, %d recorded inputs; the replay "
                            + "response is %,d bytes; %d clients, %s warm-up, %s measured%n", id, steps, events.size(),
                    report.steps().size(), responseBytes, clients, warmup, duration);

            String omitting = path + "?omit_equal=true";
            int omittedBytes = http.post(omitting).length;
            Watch watch = Watch.start(platform.dataSource());
            Load.Result overHttp = Load.forDuration(clients, warmup, duration, (s, n) -> http.post(path));
            watch.close();
            ActiveflowThroughput.report("over HTTP, whole answer (" + responseBytes + " bytes)", overHttp, watch);
            Watch omitWatch = Watch.start(platform.dataSource());
            Load.Result omitted = Load.forDuration(clients, warmup, duration, (s, n) -> http.post(omitting));
            omitWatch.close();
            ActiveflowThroughput.report("over HTTP, omit_equal=true (" + omittedBytes + " bytes)", omitted, omitWatch);
            Load.Result inProcess = Load.forDuration(clients, warmup, duration, (s, n) -> {
                if (replay.replay(events).diverged()) {
                    throw new IllegalStateException("diverged");
                }
            });
            Watch none = Watch.start(platform.dataSource());
            none.close();
            ActiveflowThroughput.report("baseline, Replay in-process", inProcess, none);

            double rate = Math.max(overHttp.perSecond(), omitted.perSecond());
            Table table = new Table("", "replays/s", "p50 ms", "p99 ms", "vs in-process");
            table.row("POST /v1/activeflows/{id}/replay over HTTP", Table.rate(overHttp.perSecond()),
                    Table.ms(overHttp.millis(50)), Table.ms(overHttp.millis(99)),
                    Table.ratio(overHttp.perSecond() / inProcess.perSecond()));
            table.row("POST .../replay?omit_equal=true over HTTP", Table.rate(omitted.perSecond()),
                    Table.ms(omitted.millis(50)), Table.ms(omitted.millis(99)),
                    Table.ratio(omitted.perSecond() / inProcess.perSecond()));
            table.row("baseline: flow-engine Replay in-process", Table.rate(inProcess.perSecond()),
                    Table.ms(inProcess.millis(50)), Table.ms(inProcess.millis(99)), "1.00");
            System.out.println();
            System.out.printf("ReplayRate results (1,000 steps, %,d events, %d clients)%n", events.size(), clients);
            System.out.print(table.render());
            System.out.printf(Locale.ROOT, "target: >= %.0f replays/s over HTTP: %s (%s/s)%n", TARGET_RATE,
                    Table.verdict(overHttp.errors() + omitted.errors() == 0 && rate >= TARGET_RATE), Table.rate(rate));
            System.out.println();
        }
    }
}
