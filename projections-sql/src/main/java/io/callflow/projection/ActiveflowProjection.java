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
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.Jumped;
import io.callflow.domain.activeflow.StackPushed;
import io.callflow.domain.activeflow.VariablesSet;
import io.callflow.projection.jooq.tables.records.ActiveflowVariablesRecord;
import io.callflow.projection.jooq.tables.records.ActiveflowsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code activeflows} table and its children: the actions it executed (one row per step)
 * and its variables (one row per name). Every event first moves the activeflow row forward,
 * guarded by {@code last_sequence}; the children change only when that row did, so a
 * redelivered or replayed event changes nothing, not even an older variable value.
 * {@code tm_update} follows every event, as the aggregate's own view does.
 */
@ProcessingGroup(ActiveflowProjection.GROUP)
public class ActiveflowProjection {
    public static final String GROUP = "activeflow-projection";

    private static final Logger log = LoggerFactory.getLogger(ActiveflowProjection.class);
    /** The width of {@code activeflow_variables.name}. */
    static final int MAX_VARIABLE_NAME = 1024;
    /** Rows per insert statement, far below PostgreSQL's limit on bind values. */
    private static final int VARIABLE_BATCH = 1000;

    private final DSLContext sql;

    public ActiveflowProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(ActiveflowCreated e, @SequenceNumber long sequence) {
        UUID id = e.activeflowId().value();
        OffsetDateTime at = time(e.at());
        int inserted = sql.insertInto(ACTIVEFLOWS)
                .set(ACTIVEFLOWS.ID, id)
                .set(ACTIVEFLOWS.CUSTOMER_ID, e.customerId().value())
                .set(ACTIVEFLOWS.FLOW_ID, id(e.flowId()))
                .set(ACTIVEFLOWS.FLOW_VERSION, e.flowVersion())
                .set(ACTIVEFLOWS.STATUS, "running")
                .set(ACTIVEFLOWS.REFERENCE_TYPE, e.referenceType() == null ? "" : name(e.referenceType()))
                .set(ACTIVEFLOWS.REFERENCE_ID, e.referenceId())
                .set(ACTIVEFLOWS.REFERENCE_ACTIVEFLOW_ID, id(e.referenceActiveflowId()))
                .set(ACTIVEFLOWS.ON_COMPLETE_FLOW_ID, id(e.onCompleteFlowId()))
                .set(ACTIVEFLOWS.EXECUTE_COUNT, 0)
                .set(ACTIVEFLOWS.COMPLETE_COUNT, e.completeCount())
                .set(ACTIVEFLOWS.LAST_SEQUENCE, sequence)
                .set(ACTIVEFLOWS.TM_CREATE, at)
                .set(ACTIVEFLOWS.TM_UPDATE, at)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            setVariables(id, e.variables());
        }
    }

    @EventHandler
    void on(ActionStarted e, @SequenceNumber long sequence) {
        Action action = e.action();
        int step = Math.toIntExact(e.step());
        boolean applied = advance(e, sequence, row -> row
                .set(ACTIVEFLOWS.CURRENT_ACTION, json(action))
                .set(ACTIVEFLOWS.EXECUTE_COUNT, step)
                .set(ACTIVEFLOWS.FORWARD_ACTION_ID, (UUID) null));
        if (!applied) {
            return;
        }
        sql.insertInto(ACTIVEFLOW_ACTIONS)
                .set(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, e.activeflowId().value())
                .set(ACTIVEFLOW_ACTIONS.STEP, step)
                .set(ACTIVEFLOW_ACTIONS.ACTION_ID, action.id())
                .set(ACTIVEFLOW_ACTIONS.NEXT_ID, action.nextId())
                .set(ACTIVEFLOW_ACTIONS.TYPE, action.type())
                .set(ACTIVEFLOW_ACTIONS.OPTION, json(action.option()))
                .set(ACTIVEFLOW_ACTIONS.TM_START, time(e.at()))
                .onConflict(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.STEP)
                .doUpdate()
                .set(ACTIVEFLOW_ACTIONS.ACTION_ID, action.id())
                .set(ACTIVEFLOW_ACTIONS.NEXT_ID, action.nextId())
                .set(ACTIVEFLOW_ACTIONS.TYPE, action.type())
                .set(ACTIVEFLOW_ACTIONS.OPTION, json(action.option()))
                .set(ACTIVEFLOW_ACTIONS.TM_START, time(e.at()))
                .execute();
    }

    @EventHandler
    void on(ActionFinished e, @SequenceNumber long sequence) {
        if (!advance(e, sequence, row -> row)) {
            return;
        }
        sql.update(ACTIVEFLOW_ACTIONS)
                .set(ACTIVEFLOW_ACTIONS.OUTCOME, name(e.outcome()))
                .set(ACTIVEFLOW_ACTIONS.REASON, text(e.reason()))
                .set(ACTIVEFLOW_ACTIONS.RESULT, json(e.result()))
                .set(ACTIVEFLOW_ACTIONS.TM_FINISH, time(e.at()))
                .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.eq(e.activeflowId().value()),
                        ACTIVEFLOW_ACTIONS.STEP.eq(Math.toIntExact(e.step())))
                .execute();
    }

    @EventHandler
    void on(VariablesSet e, @SequenceNumber long sequence) {
        if (advance(e, sequence, row -> row)) {
            setVariables(e.activeflowId().value(), e.values());
        }
    }

    @EventHandler
    void on(Jumped e, @SequenceNumber long sequence) {
        advance(e, sequence, row -> row.set(ACTIVEFLOWS.FORWARD_ACTION_ID, e.actionId()));
    }

    /** A push sends the flow to the pushed stack's first action next, as a jump does. */
    @EventHandler
    void on(StackPushed e, @SequenceNumber long sequence) {
        UUID first = e.actions() == null || e.actions().isEmpty() ? null : e.actions().get(0).id();
        advance(e, sequence, row -> row.set(ACTIVEFLOWS.FORWARD_ACTION_ID, first));
    }

    @EventHandler
    void on(ActiveflowStopped e, @SequenceNumber long sequence) {
        advance(e, sequence, row -> row
                .set(ACTIVEFLOWS.STATUS, "ended")
                .set(ACTIVEFLOWS.STOP_REASON, name(e.reason()))
                .set(ACTIVEFLOWS.STOP_DETAIL, text(e.detail()))
                .set(ACTIVEFLOWS.FORWARD_ACTION_ID, (UUID) null)
                .set(ACTIVEFLOWS.TM_END, time(e.at())));
    }

    /** A deleted activeflow has ended too, whether or not a stop was recorded before. */
    @EventHandler
    void on(ActiveflowDeleted e, @SequenceNumber long sequence) {
        advance(e, sequence, row -> row
                .set(ACTIVEFLOWS.STATUS, "ended")
                .set(ACTIVEFLOWS.FORWARD_ACTION_ID, (UUID) null)
                .set(ACTIVEFLOWS.TM_DELETE, time(e.at())));
    }

    /** Recorded inputs and bookkeeping (timers, effects, clock reads, gotos, pops) move only tm_update. */
    @EventHandler
    void on(ActiveflowEvent e, @SequenceNumber long sequence) {
        advance(e, sequence, row -> row);
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(ACTIVEFLOW_ACTIONS).execute();
        sql.deleteFrom(ACTIVEFLOW_VARIABLES).execute();
        sql.deleteFrom(ACTIVEFLOWS).execute();
    }

    private interface Changes {
        UpdateSetMoreStep<ActiveflowsRecord> apply(UpdateSetMoreStep<ActiveflowsRecord> row);
    }

    /** Applies the event's changes to the activeflow row if it is newer than the row; true if it was. */
    private boolean advance(ActiveflowEvent e, long sequence, Changes changes) {
        UpdateSetMoreStep<ActiveflowsRecord> row = sql.update(ACTIVEFLOWS)
                .set(ACTIVEFLOWS.LAST_SEQUENCE, sequence)
                .set(ACTIVEFLOWS.TM_UPDATE, time(e.at()));
        return changes.apply(row)
                .where(ACTIVEFLOWS.ID.eq(e.activeflowId().value()), ACTIVEFLOWS.LAST_SEQUENCE.lt(sequence))
                .execute() == 1;
    }

    private void setVariables(UUID activeflowId, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        // cleaned names could meet, and one statement must not touch a row twice
        Map<String, String> rows = new LinkedHashMap<>();
        values.forEach((rawName, value) -> {
            String name = text(rawName);
            if (name == null || name.length() > MAX_VARIABLE_NAME) {
                // storing it would fail the batch forever and halt the projection for everyone
                log.warn("activeflow {}: variable name of {} characters not projected (at most {})", activeflowId,
                        name == null ? 0 : name.length(), MAX_VARIABLE_NAME);
            } else {
                rows.put(name, textOrEmpty(value));
            }
        });
        List<Map.Entry<String, String>> all = new ArrayList<>(rows.entrySet());
        for (int from = 0; from < all.size(); from += VARIABLE_BATCH) {
            InsertValuesStep3<ActiveflowVariablesRecord, UUID, String, String> insert = sql.insertInto(
                    ACTIVEFLOW_VARIABLES, ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME,
                    ACTIVEFLOW_VARIABLES.VALUE);
            for (Map.Entry<String, String> row : all.subList(from, Math.min(all.size(), from + VARIABLE_BATCH))) {
                insert = insert.values(activeflowId, row.getKey(), row.getValue());
            }
            insert.onConflict(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME)
                    .doUpdate()
                    .set(ACTIVEFLOW_VARIABLES.VALUE, DSL.excluded(ACTIVEFLOW_VARIABLES.VALUE))
                    .execute();
        }
    }
}
