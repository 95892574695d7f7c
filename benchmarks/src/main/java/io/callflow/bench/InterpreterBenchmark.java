package io.callflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The interpreter on a 1,000-action flow (499 {@code variable_set} and 500 {@code empty}
 * actions alternating, over 16 variable names, then a final {@code empty}): one operation of
 * {@link #interpreterStart} is {@link Interpreter#start} running all 1,000 steps, deciding
 * each step's events and folding them into a new state. Steps/s = ops/s x 1,000.
 *
 * <p>Baseline {@link #plainLoop}: the same {@code List<Action>} iterated with a trivial amount
 * of work per element (read its type and option, put one entry into a HashMap), so the ratio
 * is what one interpreter step costs over touching the action at all.
 *
 * <p>{@link #main} runs both (fork 1, 3 warm-up and 5 measured iterations of 2 s; QUICK
 * settings with {@code bench.jmh.warmups}, {@code bench.jmh.iterations}, {@code bench.jmh.seconds})
 * and prints the summary. {@code org.openjdk.jmh.Main InterpreterBenchmark} runs them too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterpreterBenchmark {
    static final int ACTIONS = 1000;
    static final int VARIABLE_NAMES = 16;
    /** The default consecutive-step limit is exactly 1,000 and would end the run as a runaway one step early. */
    static final ExecutionLimits LIMITS = new ExecutionLimits(10 * ACTIONS, 100_000, 100, 100, 5);
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private Interpreter interpreter;
    private ExecutionState created;
    private List<Action> actions;

    @Setup
    public void setUp() {
        actions = thousandActions();
        interpreter = new Interpreter(LIMITS);
        created = ExecutionState.initial().evolve(new ActiveflowCreated(new ActiveflowId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()), null, null, actions, ReferenceType.API, null, null, null, 0,
                Map.of(), NOW));
        List<ActiveflowEvent> events = interpreter.start(created, NOW);
        long steps = events.stream().filter(ActionStarted.class::isInstance).count();
        if (steps != ACTIONS || !(events.get(events.size() - 1) instanceof ActiveflowStopped stopped)
                || stopped.reason() != StopReason.FINISHED) {
            throw new IllegalStateException("expected " + ACTIONS + " steps and a finished flow, got " + steps
                    + " steps ending with " + events.get(events.size() - 1));
        }
    }

    static List<Action> thousandActions() {
        ArrayNode list = Json.mapper().createArrayNode();
        for (int i = 0; i < ACTIONS - 1; i++) {
            ObjectNode action = list.addObject();
            if (i % 2 == 0) {
                action.put("type", "variable_set");
                action.putObject("option").put("key", "var" + (i / 2) % VARIABLE_NAMES).put("value", "value " + i);
            } else {
                action.put("type", "empty");
            }
        }
        list.addObject().put("type", "empty");
        ActionsParse parsed = new ActionsValidator().parse(list, "/actions", UUID::randomUUID);
        if (!parsed.ok() || parsed.actions().size() != ACTIONS) {
            throw new IllegalStateException("the 1,000-action flow is invalid: " + parsed.problems());
        }
        return parsed.actions();
    }

    /** One run of the whole flow: 1,000 steps. */
    @Benchmark
    public List<ActiveflowEvent> interpreterStart() {
        return interpreter.start(created, NOW);
    }

    /** The same list, read element by element with one HashMap put each. */
    @Benchmark
    public Map<String, String> plainLoop() {
        Map<String, String> seen = new HashMap<>();
        for (Action action : actions) {
            String type = action.type();
            JsonNode key = action.option().get("key");
            seen.put(key == null ? type : key.asText(), type);
        }
        return seen;
    }

    public static void main(String[] args) {
        Program.run(InterpreterBenchmark::run);
    }

    static void run() throws Exception {
        int warmups = Settings.integer("bench.jmh.warmups", 3);
        int iterations = Settings.integer("bench.jmh.iterations", 5);
        int seconds = Settings.integer("bench.jmh.seconds", 2);
        Options options = new OptionsBuilder()
                .include(InterpreterBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .build();
        System.out.println();
        System.out.println("== InterpreterBenchmark: Interpreter.start over a 1,000-action flow (JMH) ==");
        Collection<RunResult> results = new Runner(options).run();
        Result<?> interpreted = null;
        Result<?> plain = null;
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            if (name.endsWith(".interpreterStart")) {
                interpreted = result.getPrimaryResult();
            } else if (name.endsWith(".plainLoop")) {
                plain = result.getPrimaryResult();
            }
        }
        if (interpreted == null || plain == null) {
            throw new IllegalStateException("JMH returned no result for one of the benchmarks");
        }
        Table table = new Table("benchmark (1 op = 1,000 actions)", "ops/s", "+/- (99.9%)", "per action /s",
                "ns per action");
        row(table, "interpreterStart: Interpreter.start", interpreted, "steps/s");
        row(table, "plainLoop (baseline): read + HashMap.put", plain, "elements/s");
        System.out.println();
        System.out.printf("InterpreterBenchmark results (fork 1, %d x %d s warm-up, %d x %d s measured)%n",
                warmups, seconds, iterations, seconds);
        System.out.print(table.render());
        System.out.printf(Locale.ROOT, "interpreter: %s steps/s; one step costs %.1f x one plain-loop element%n",
                Table.rate(interpreted.getScore() * ACTIONS), plain.getScore() / interpreted.getScore());
        System.out.println();
    }

    private static void row(Table table, String label, Result<?> result, String unit) {
        table.row(label, Table.rate(result.getScore()), Table.rate(result.getScoreError()),
                Table.rate(result.getScore() * ACTIONS) + " " + unit,
                String.format(Locale.ROOT, "%.1f", 1e9 / (result.getScore() * ACTIONS)));
    }
}
