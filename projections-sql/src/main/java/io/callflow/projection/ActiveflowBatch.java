package io.callflow.projection;

import static io.callflow.projection.BatchStatements.blanks;
import static io.callflow.projection.BatchStatements.excludedAll;
import static io.callflow.projection.Columns.id;
import static io.callflow.projection.Columns.json;
import static io.callflow.projection.Columns.name;
import static io.callflow.projection.Columns.text;
import static io.callflow.projection.Columns.textOrEmpty;
import static io.callflow.projection.Columns.time;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_ACTIONS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_VARIABLES;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.projection.jooq.tables.records.ActiveflowsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.BatchBindStep;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one processing batch, written at its commit (in the transaction that
 * also stores the processor's token). Events an earlier commit already wrote (their
 * sequence is not beyond the row's {@code last_sequence}) are dropped first, so a
 * redelivered or replayed batch changes nothing.
 */
final class ActiveflowBatch {
    private static final Logger log = LoggerFactory.getLogger(ActiveflowBatch.class);
    /** The width of {@code activeflow_variables.name}. */
    static final int MAX_VARIABLE_NAME = 1024;

    private record Pending(ActiveflowEvent event, long sequence) {
    }

    private final Map<UUID, List<Pending>> events = new LinkedHashMap<>();

    void add(ActiveflowEvent event, long sequence) {
        events.computeIfAbsent(event.activeflowId().value(), id -> new ArrayList<>()).add(new Pending(event, sequence));
    }

    /** The columns of a new activeflow row, in bind order. */
    private static final List<Field<?>> ROW = List.of(ACTIVEFLOWS.ID, ACTIVEFLOWS.CUSTOMER_ID, ACTIVEFLOWS.FLOW_ID,
            ACTIVEFLOWS.FLOW_VERSION, ACTIVEFLOWS.REFERENCE_TYPE, ACTIVEFLOWS.REFERENCE_ID,
            ACTIVEFLOWS.REFERENCE_ACTIVEFLOW_ID, ACTIVEFLOWS.ON_COMPLETE_FLOW_ID, ACTIVEFLOWS.COMPLETE_COUNT,
            ACTIVEFLOWS.TM_CREATE, ACTIVEFLOWS.STATUS, ACTIVEFLOWS.EXECUTE_COUNT, ACTIVEFLOWS.CURRENT_ACTION,
            ACTIVEFLOWS.FORWARD_ACTION_ID, ACTIVEFLOWS.STOP_REASON, ACTIVEFLOWS.STOP_DETAIL, ACTIVEFLOWS.TM_END,
            ACTIVEFLOWS.TM_DELETE, ACTIVEFLOWS.LAST_SEQUENCE, ACTIVEFLOWS.TM_UPDATE);
    /** The columns of an executed action's row, in bind order. */
    private static final List<Field<?>> STEP = List.of(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.STEP,
            ACTIVEFLOW_ACTIONS.ACTION_ID, ACTIVEFLOW_ACTIONS.NEXT_ID, ACTIVEFLOW_ACTIONS.TYPE,
            ACTIVEFLOW_ACTIONS.OPTION, ACTIVEFLOW_ACTIONS.TM_START, ACTIVEFLOW_ACTIONS.OUTCOME,
            ACTIVEFLOW_ACTIONS.REASON, ACTIVEFLOW_ACTIONS.RESULT, ACTIVEFLOW_ACTIONS.TM_FINISH);

    /**
     * Writes the batch. The frequent shapes (a new activeflow row, an executed action's row, a
     * variable) go as prepared statements with one set of bind values per row, so nothing is
     * rendered or parsed per row; rarer changes to rows an earlier batch wrote go one by one.
     */
    void write(DSLContext sql) {
        if (events.isEmpty()) {
            return;
        }
        Map<UUID, Long> written = new LinkedHashMap<>();
        sql.select(ACTIVEFLOWS.ID, ACTIVEFLOWS.LAST_SEQUENCE).from(ACTIVEFLOWS)
                .where(ACTIVEFLOWS.ID.in(events.keySet()))
                .forEach(r -> written.put(r.value1(), r.value2()));
        BatchBindStep rows = sql.batch(sql.insertInto(ACTIVEFLOWS).columns(ROW).values(blanks(ROW))
                .onConflictDoNothing());
        BatchBindStep steps = sql.batch(sql.insertInto(ACTIVEFLOW_ACTIONS).columns(STEP).values(blanks(STEP))
                .onConflict(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.STEP).doUpdate()
                .set(excludedAll(STEP.subList(2, STEP.size()))));
        BatchBindStep variables = sql.batch(sql.insertInto(ACTIVEFLOW_VARIABLES, ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID,
                        ACTIVEFLOW_VARIABLES.NAME, ACTIVEFLOW_VARIABLES.VALUE).values((UUID) null, null, null)
                .onConflict(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME)
                .doUpdate().set(ACTIVEFLOW_VARIABLES.VALUE, DSL.excluded(ACTIVEFLOW_VARIABLES.VALUE)));
        List<Query> others = new ArrayList<>();
        events.forEach((id, pending) -> {
            long already = written.getOrDefault(id, -1L);
            ActiveflowChanges changes = new ActiveflowChanges(id);
            pending.stream().filter(p -> p.sequence() > already).forEach(p -> changes.add(p.event(), p.sequence()));
            if (changes.lastSequence < 0) {
                return;
            }
            if (changes.created != null) {
                rows.bind(newRow(changes));
            } else if (!written.containsKey(id)) {
                log.warn("activeflow {}: events without its creation; not projected", id);
                return;
            } else {
                others.add(updateRow(sql, changes, already));
            }
            changes.steps.forEach((step, change) -> {
                if (change.started == null) {
                    others.add(finishRow(sql, id, step, change.finished));
                } else {
                    steps.bind(stepRow(id, step, change));
                }
            });
            variableRows(id, changes.variables).forEach((name, value) -> variables.bind(id, name, value));
        });
        for (BatchBindStep batch : List.of(rows, steps, variables)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
        if (!others.isEmpty()) {
            sql.batch(others).execute();
        }
        events.clear();
    }

    private static Object[] newRow(ActiveflowChanges c) {
        ActiveflowCreated e = c.created;
        return new Object[] {c.activeflowId, e.customerId().value(), id(e.flowId()), e.flowVersion(),
                e.referenceType() == null ? "" : name(e.referenceType()), e.referenceId(),
                id(e.referenceActiveflowId()), id(e.onCompleteFlowId()), e.completeCount(), time(e.at()),
                c.status == null ? "running" : c.status, c.executeCount == null ? 0 : c.executeCount,
                c.currentAction == null ? null : json(c.currentAction.orElse(null)),
                c.forwardActionId == null ? null : c.forwardActionId.orElse(null),
                c.stopReason == null ? null : c.stopReason.orElse(null),
                c.stopDetail == null ? null : text(c.stopDetail.orElse(null)), time(c.tmEnd), time(c.tmDelete),
                c.lastSequence, time(c.tmUpdate)};
    }

    private static Query updateRow(DSLContext sql, ActiveflowChanges c, long already) {
        UpdateSetMoreStep<ActiveflowsRecord> row = sql.update(ACTIVEFLOWS)
                .set(ACTIVEFLOWS.LAST_SEQUENCE, c.lastSequence)
                .set(ACTIVEFLOWS.TM_UPDATE, time(c.tmUpdate));
        if (c.currentAction != null) {
            row = row.set(ACTIVEFLOWS.CURRENT_ACTION, json(c.currentAction.orElse(null)));
        }
        if (c.executeCount != null) {
            row = row.set(ACTIVEFLOWS.EXECUTE_COUNT, c.executeCount);
        }
        if (c.forwardActionId != null) {
            row = row.set(ACTIVEFLOWS.FORWARD_ACTION_ID, c.forwardActionId.orElse(null));
        }
        if (c.status != null) {
            row = row.set(ACTIVEFLOWS.STATUS, c.status);
        }
        if (c.stopReason != null) {
            row = row.set(ACTIVEFLOWS.STOP_REASON, c.stopReason.orElse(null));
        }
        if (c.stopDetail != null) {
            row = row.set(ACTIVEFLOWS.STOP_DETAIL, text(c.stopDetail.orElse(null)));
        }
        if (c.tmEnd != null) {
            row = row.set(ACTIVEFLOWS.TM_END, time(c.tmEnd));
        }
        if (c.tmDelete != null) {
            row = row.set(ACTIVEFLOWS.TM_DELETE, time(c.tmDelete));
        }
        return row.where(ACTIVEFLOWS.ID.eq(c.activeflowId), ACTIVEFLOWS.LAST_SEQUENCE.eq(already));
    }

    private static Query finishRow(DSLContext sql, UUID activeflowId, int step, ActionFinished finished) {
        return sql.update(ACTIVEFLOW_ACTIONS)
                .set(ACTIVEFLOW_ACTIONS.OUTCOME, name(finished.outcome()))
                .set(ACTIVEFLOW_ACTIONS.REASON, text(finished.reason()))
                .set(ACTIVEFLOW_ACTIONS.RESULT, json(finished.result()))
                .set(ACTIVEFLOW_ACTIONS.TM_FINISH, time(finished.at()))
                .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.eq(activeflowId), ACTIVEFLOW_ACTIONS.STEP.eq(step));
    }

    private static Object[] stepRow(UUID activeflowId, int step, ActiveflowChanges.StepChange change) {
        Action action = change.started.action();
        ActionFinished finished = change.finished;
        return new Object[] {activeflowId, step, action.id(), action.nextId(), action.type(), json(action.option()),
                time(change.started.at()), finished == null ? null : name(finished.outcome()),
                finished == null ? null : text(finished.reason()), finished == null ? null : json(finished.result()),
                finished == null ? null : time(finished.at())};
    }

    /** Variables ready to store: NUL-cleaned names (which could meet, so one row per name) and values. */
    private static Map<String, String> variableRows(UUID activeflowId, Map<String, String> variables) {
        Map<String, String> rows = new LinkedHashMap<>();
        variables.forEach((rawName, value) -> {
            String name = text(rawName);
            if (name == null || name.length() > MAX_VARIABLE_NAME) {
                // storing it would fail the batch forever and halt the projection for everyone
                log.warn("activeflow {}: variable name of {} characters not projected (at most {})", activeflowId,
                        name == null ? 0 : name.length(), MAX_VARIABLE_NAME);
            } else {
                rows.put(name, textOrEmpty(value));
            }
        });
        return rows;
    }
}
