package io.callflow.projection;

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
import io.callflow.projection.jooq.tables.records.ActiveflowVariablesRecord;
import io.callflow.projection.jooq.tables.records.ActiveflowsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
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

    void write(DSLContext sql) {
        if (events.isEmpty()) {
            return;
        }
        Map<UUID, Long> written = new LinkedHashMap<>();
        sql.select(ACTIVEFLOWS.ID, ACTIVEFLOWS.LAST_SEQUENCE).from(ACTIVEFLOWS)
                .where(ACTIVEFLOWS.ID.in(events.keySet()))
                .forEach(r -> written.put(r.value1(), r.value2()));
        List<Query> queries = new ArrayList<>();
        events.forEach((id, pending) -> {
            long already = written.getOrDefault(id, -1L);
            ActiveflowChanges changes = new ActiveflowChanges(id);
            pending.stream().filter(p -> p.sequence() > already).forEach(p -> changes.add(p.event(), p.sequence()));
            if (changes.lastSequence < 0) {
                return;
            }
            if (changes.created != null) {
                queries.add(insertRow(sql, changes));
            } else if (!written.containsKey(id)) {
                log.warn("activeflow {}: events without its creation; not projected", id);
                return;
            } else {
                queries.add(updateRow(sql, changes, already));
            }
            changes.steps.forEach((step, change) -> queries.add(stepRow(sql, id, step, change)));
            variableRows(sql, id, changes.variables).ifPresent(queries::add);
        });
        if (!queries.isEmpty()) {
            sql.batch(queries).execute();
        }
        events.clear();
    }

    private static Query insertRow(DSLContext sql, ActiveflowChanges c) {
        ActiveflowCreated e = c.created;
        var values = sql.newRecord(ACTIVEFLOWS);
        values.setId(c.activeflowId);
        values.setCustomerId(e.customerId().value());
        values.setFlowId(id(e.flowId()));
        values.setFlowVersion(e.flowVersion());
        values.setReferenceType(e.referenceType() == null ? "" : name(e.referenceType()));
        values.setReferenceId(e.referenceId());
        values.setReferenceActiveflowId(id(e.referenceActiveflowId()));
        values.setOnCompleteFlowId(id(e.onCompleteFlowId()));
        values.setCompleteCount(e.completeCount());
        values.setTmCreate(time(e.at()));
        values.setStatus(c.status == null ? "running" : c.status);
        values.setExecuteCount(c.executeCount == null ? 0 : c.executeCount);
        values.setCurrentAction(c.currentAction == null ? null : json(c.currentAction.orElse(null)));
        values.setForwardActionId(c.forwardActionId == null ? null : c.forwardActionId.orElse(null));
        values.setStopReason(c.stopReason == null ? null : c.stopReason.orElse(null));
        values.setStopDetail(c.stopDetail == null ? null : text(c.stopDetail.orElse(null)));
        values.setTmEnd(time(c.tmEnd));
        values.setTmDelete(time(c.tmDelete));
        values.setLastSequence(c.lastSequence);
        values.setTmUpdate(time(c.tmUpdate));
        return sql.insertInto(ACTIVEFLOWS).set(values).onConflictDoNothing();
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

    private static Query stepRow(DSLContext sql, UUID activeflowId, int step, ActiveflowChanges.StepChange change) {
        ActionFinished finished = change.finished;
        if (change.started == null) {
            return sql.update(ACTIVEFLOW_ACTIONS)
                    .set(ACTIVEFLOW_ACTIONS.OUTCOME, name(finished.outcome()))
                    .set(ACTIVEFLOW_ACTIONS.REASON, text(finished.reason()))
                    .set(ACTIVEFLOW_ACTIONS.RESULT, json(finished.result()))
                    .set(ACTIVEFLOW_ACTIONS.TM_FINISH, time(finished.at()))
                    .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.eq(activeflowId), ACTIVEFLOW_ACTIONS.STEP.eq(step));
        }
        ActionStarted started = change.started;
        Action action = started.action();
        var values = sql.newRecord(ACTIVEFLOW_ACTIONS);
        values.setActiveflowId(activeflowId);
        values.setStep(step);
        values.setActionId(action.id());
        values.setNextId(action.nextId());
        values.setType(action.type());
        values.setOption(json(action.option()));
        values.setTmStart(time(started.at()));
        if (finished != null) {
            values.setOutcome(name(finished.outcome()));
            values.setReason(text(finished.reason()));
            values.setResult(json(finished.result()));
            values.setTmFinish(time(finished.at()));
        }
        return sql.insertInto(ACTIVEFLOW_ACTIONS).set(values)
                .onConflict(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.STEP).doUpdate().set(values);
    }

    private static Optional<Query> variableRows(DSLContext sql, UUID activeflowId,
                                                          Map<String, String> variables) {
        // cleaned names could meet, and one statement must not touch a row twice
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
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        InsertValuesStep3<ActiveflowVariablesRecord, UUID, String, String> insert = sql.insertInto(
                ACTIVEFLOW_VARIABLES, ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME,
                ACTIVEFLOW_VARIABLES.VALUE);
        for (Map.Entry<String, String> row : rows.entrySet()) {
            insert = insert.values(activeflowId, row.getKey(), row.getValue());
        }
        return Optional.of(insert.onConflict(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME)
                .doUpdate().set(ACTIVEFLOW_VARIABLES.VALUE, DSL.excluded(ACTIVEFLOW_VARIABLES.VALUE)));
    }
}
