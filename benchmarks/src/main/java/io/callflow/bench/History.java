package io.callflow.bench;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Timestamps;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A large event history made quickly: activeflows of a small flow, each one's events decided by the
 * platform's own interpreter (as the {@code StartActiveflow} handler decides them) and appended through
 * Axon's {@link EventStorageEngine} in big transactions. The events are stored exactly as the command side
 * stores them (the same serializer, aggregate type and metadata keys, read off one activeflow first started
 * through the command bus; the hash-chain trigger runs on every row); what is skipped is the command
 * handling of each start, which the activeflow benchmark measures. The live projections then catch up on
 * the whole history, so the read models hold every activeflow as they would in production.
 */
final class History {
    /**
     * Three actions and ten events per activeflow: ActiveflowCreated; ActionStarted, VariablesSet and
     * ActionFinished twice; ActionStarted and ActionFinished; ActiveflowStopped.
     */
    static final String THREE_ACTIONS = """
            [
              {"type": "variable_set", "option": {"key": "a", "value": "1"}},
              {"type": "variable_set", "option": {"key": "b", "value": "${a}2"}},
              {"type": "empty"}
            ]""";

    /** @param ids the activeflows appended, in the order of their creation time (oldest first) */
    record Loaded(List<UUID> ids, int eventsPerActiveflow, long events, double seconds, double caughtUpSeconds) {
    }

    private History() {
    }

    /** Where a made history lists its activeflows, so a later run on the same data directory can reuse it. */
    private static final String IDS_FILE = "history-activeflows.txt";

    /**
     * The history the platform's data directory already holds (written there by an earlier run of this method
     * with {@code -Dbench.history-dir}), else a new one as {@link #append} makes it, listed for the next run.
     */
    static Loaded loadOrAppend(Platform platform, CustomerId customer, long events, Duration limit) throws Exception {
        java.nio.file.Path list = platform.dataDir().resolve(IDS_FILE);
        if (java.nio.file.Files.exists(list)) {
            List<UUID> ids = java.nio.file.Files.readAllLines(list).stream().map(UUID::fromString).toList();
            System.out.printf("  history: reused, %,d activeflows listed in %s%n", ids.size(), list);
            if (!platform.awaitProcessorsCaughtUp(limit)) {
                throw new IllegalStateException("the projections did not catch up with the history within " + limit);
            }
            return new Loaded(ids, 0, 0, 0, 0);
        }
        Loaded made = append(platform, customer, events, limit);
        java.nio.file.Files.write(list, made.ids().stream().map(UUID::toString).toList());
        return made;
    }

    /**
     * Appends at least {@code events} events: that many divided by the flow's events per activeflow, all of
     * one customer, created one millisecond apart and ending in the past. Waits until every event processor
     * has caught up.
     */
    static Loaded append(Platform platform, CustomerId customer, long events, Duration limit) throws Exception {
        List<Action> actions = Flows.parse(THREE_ACTIONS);
        Interpreter interpreter = new Interpreter(ExecutionLimits.DEFAULT);
        EventStorageEngine store = platform.bean(EventStorageEngine.class);
        TransactionManager transactions = platform.bean(TransactionManager.class);
        int batchEvents = Settings.integer("bench.append-batch", 10_000);

        // one real start through the command bus: what the command side stores, to store the same
        ActiveflowId probe = new ActiveflowId(Ids.random());
        platform.commands().sendAndWait(ActiveflowThroughput.start(probe, customer, actions));
        List<? extends DomainEventMessage<?>> stored = store.readEvents(probe.toString()).asStream().toList();
        String aggregateType = stored.get(0).getType();
        Map<String, Object> metadata = new HashMap<>(stored.get(0).getMetaData());
        int perActiveflow = stored.size();
        int activeflows = (int) Math.max(1, events / perActiveflow);
        System.out.printf("  history: %,d activeflows of a 3-action flow, %d events each (as one started through the "
                        + "command bus stores them: aggregate type %s, metadata %s), appended in transactions of "
                        + "%,d events%n", activeflows, perActiveflow, aggregateType, metadata.keySet(), batchEvents);

        Instant first = Timestamps.truncate(Instant.now().minusMillis(activeflows + 60_000L));
        List<UUID> ids = new ArrayList<>(activeflows);
        List<EventMessage<?>> batch = new ArrayList<>(batchEvents + 64);
        long appended = 0;
        long start = System.nanoTime();
        for (int n = 0; n < activeflows; n++) {
            Instant at = first.plusMillis(n);
            ActiveflowId id = new ActiveflowId(Ids.random());
            ActiveflowCreated created = new ActiveflowCreated(id, customer, null, null, actions, ReferenceType.API,
                    null, null, null, 0, Map.of(), at);
            List<ActiveflowEvent> decided = new ArrayList<>();
            decided.add(created);
            decided.addAll(interpreter.start(ExecutionState.initial().evolve(created), at));
            String correlation = Ids.random().toString();
            metadata.put("correlationId", correlation);
            metadata.put("traceId", correlation);
            for (int seq = 0; seq < decided.size(); seq++) {
                batch.add(new GenericDomainEventMessage<>(aggregateType, id.toString(), seq, decided.get(seq),
                        metadata));
            }
            ids.add(id.value());
            if (batch.size() >= batchEvents || n == activeflows - 1) {
                List<EventMessage<?>> transaction = List.copyOf(batch);
                transactions.executeInTransaction(() -> store.appendEvents(transaction));
                appended += transaction.size();
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  appended %,d events in %.1f s (%,.0f events/s)%n", appended, seconds,
                appended / seconds);
        boolean caughtUp = platform.awaitProcessorsCaughtUp(limit);
        double caughtUpSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  every event processor caught up %.1f s after the first append%s%n",
                caughtUpSeconds, caughtUp ? "" : " (NOT within the limit)");
        if (!caughtUp) {
            throw new IllegalStateException("the projections did not catch up with the history within " + limit);
        }
        return new Loaded(ids, perActiveflow, appended + stored.size(), seconds, caughtUpSeconds);
    }
}
