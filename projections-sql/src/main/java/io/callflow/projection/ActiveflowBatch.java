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
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
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

    /** A column an update leaves as it is (null is a value: "set to NULL"). */
    private static final Object NOT_CHANGED = new Object();

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
    /** The columns an update of an existing activeflow row may set besides its sequence and time, in bind order. */
    private static final List<Field<?>> CHANGEABLE = List.of(ACTIVEFLOWS.CURRENT_ACTION, ACTIVEFLOWS.EXECUTE_COUNT,
            ACTIVEFLOWS.FORWARD_ACTION_ID, ACTIVEFLOWS.STATUS, ACTIVEFLOWS.STOP_REASON, ACTIVEFLOWS.STOP_DETAIL,
            ACTIVEFLOWS.TM_END, ACTIVEFLOWS.TM_DELETE);

    /**
     * The projection's statements, written once by jOOQ when it starts. An update of an existing row
     * sets only the columns its batch changed: one statement per combination met, written when first met.
     */
    static final class Statements {
        private final DSLContext sql;
        private final PreparedBatch.Statement written;
        private final PreparedBatch.Statement row;
        private final PreparedBatch.Statement step;
        private final PreparedBatch.Statement variable;
        private final PreparedBatch.Statement finish;
        private final Map<Integer, PreparedBatch.Statement> updates = new ConcurrentHashMap<>();

        Statements(DSLContext sql) {
            this.sql = sql;
            this.written = PreparedBatch.Statement.of(sql.select(ACTIVEFLOWS.ID, ACTIVEFLOWS.LAST_SEQUENCE)
                    .from(ACTIVEFLOWS).where(ACTIVEFLOWS.ID.eq(DSL.any(new UUID[0]))));
            this.row = PreparedBatch.Statement.of(sql.insertInto(ACTIVEFLOWS).columns(ROW).values(blanks(ROW))
                    .onConflictDoNothing());
            this.step = PreparedBatch.Statement.of(sql.insertInto(ACTIVEFLOW_ACTIONS).columns(STEP).values(blanks(STEP))
                    .onConflict(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.STEP).doUpdate()
                    .set(excludedAll(STEP.subList(2, STEP.size()))));
            this.variable = PreparedBatch.Statement.of(sql.insertInto(ACTIVEFLOW_VARIABLES,
                            ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME, ACTIVEFLOW_VARIABLES.VALUE)
                    .values((UUID) null, null, null)
                    .onConflict(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME)
                    .doUpdate().set(ACTIVEFLOW_VARIABLES.VALUE, DSL.excluded(ACTIVEFLOW_VARIABLES.VALUE)));
            this.finish = PreparedBatch.Statement.of(sql.update(ACTIVEFLOW_ACTIONS)
                    .set(ACTIVEFLOW_ACTIONS.OUTCOME, (String) null)
                    .set(ACTIVEFLOW_ACTIONS.REASON, (String) null)
                    .set(ACTIVEFLOW_ACTIONS.RESULT, (org.jooq.JSON) null)
                    .set(ACTIVEFLOW_ACTIONS.TM_FINISH, (java.time.OffsetDateTime) null)
                    .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.eq((UUID) null), ACTIVEFLOW_ACTIONS.STEP.eq((Integer) null)));
        }

        /** {@code UPDATE activeflows SET last_sequence, tm_update, <the changed columns> WHERE id AND last_sequence}. */
        PreparedBatch.Statement update(int changed) {
            return updates.computeIfAbsent(changed, columns -> {
                Map<Field<?>, Object> set = new LinkedHashMap<>();
                set.put(ACTIVEFLOWS.LAST_SEQUENCE, null);
                set.put(ACTIVEFLOWS.TM_UPDATE, null);
                for (int i = 0; i < CHANGEABLE.size(); i++) {
                    if ((columns & (1 << i)) != 0) {
                        set.put(CHANGEABLE.get(i), null);
                    }
                }
                return PreparedBatch.Statement.of(sql.update(ACTIVEFLOWS).set(set)
                        .where(ACTIVEFLOWS.ID.eq((UUID) null), ACTIVEFLOWS.LAST_SEQUENCE.eq((Long) null)));
            });
        }
    }

    /**
     * Writes the batch: every statement is one of {@link Statements}, executed as a JDBC batch with
     * one set of values per row, in the unit of work's transaction.
     */
    void write(DSLContext sql, Statements statements) {
        if (events.isEmpty()) {
            return;
        }
        sql.connection(connection -> write(connection, statements));
        events.clear();
    }

    private void write(Connection connection, Statements statements) throws SQLException {
        Map<UUID, Long> written = lastSequences(connection, statements);
        PreparedBatch rows = new PreparedBatch(statements.row);
        PreparedBatch steps = new PreparedBatch(statements.step);
        PreparedBatch variables = new PreparedBatch(statements.variable);
        PreparedBatch finishes = new PreparedBatch(statements.finish);
        Map<Integer, PreparedBatch> updates = new LinkedHashMap<>();
        events.forEach((id, pending) -> {
            long already = written.getOrDefault(id, -1L);
            ActiveflowChanges changes = new ActiveflowChanges(id);
            pending.stream().filter(p -> p.sequence() > already).forEach(p -> changes.add(p.event(), p.sequence()));
            if (changes.lastSequence < 0) {
                return;
            }
            if (changes.created != null) {
                rows.add(newRow(changes));
            } else if (!written.containsKey(id)) {
                log.warn("activeflow {}: events without its creation; not projected", id);
                return;
            } else {
                List<Object> values = new ArrayList<>();
                int changed = updateRow(changes, already, values);
                updates.computeIfAbsent(changed, c -> new PreparedBatch(statements.update(c))).add(values.toArray());
            }
            changes.steps.forEach((step, change) -> {
                if (change.started == null) {
                    finishes.add(finishRow(id, step, change.finished));
                } else {
                    steps.add(stepRow(id, step, change));
                }
            });
            variableRows(id, changes.variables).forEach((name, value) -> variables.add(id, name, value));
        });
        rows.execute(connection);
        steps.execute(connection);
        variables.execute(connection);
        for (PreparedBatch update : updates.values()) {
            update.execute(connection);
        }
        finishes.execute(connection);
    }

    /** The {@code last_sequence} of the batch's activeflows that have a row already. */
    private Map<UUID, Long> lastSequences(Connection connection, Statements statements) throws SQLException {
        Map<UUID, Long> written = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(statements.written.sql())) {
            select.setArray(1, connection.createArrayOf("uuid", events.keySet().toArray()));
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    written.put(found.getObject(1, UUID.class), found.getLong(2));
                }
            }
        }
        return written;
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

    /**
     * The values of an update of an existing row, in bind order: sequence, time, the changed columns in
     * {@link #CHANGEABLE}'s order, then the row's id and the sequence it must still have. Returns which
     * columns changed (bit i for {@code CHANGEABLE.get(i)}).
     */
    private static int updateRow(ActiveflowChanges c, long already, List<Object> values) {
        values.add(c.lastSequence);
        values.add(time(c.tmUpdate));
        Object[] changed = {
            c.currentAction == null ? NOT_CHANGED : json(c.currentAction.orElse(null)),
            c.executeCount == null ? NOT_CHANGED : c.executeCount,
            c.forwardActionId == null ? NOT_CHANGED : c.forwardActionId.orElse(null),
            c.status == null ? NOT_CHANGED : c.status,
            c.stopReason == null ? NOT_CHANGED : c.stopReason.orElse(null),
            c.stopDetail == null ? NOT_CHANGED : text(c.stopDetail.orElse(null)),
            c.tmEnd == null ? NOT_CHANGED : time(c.tmEnd),
            c.tmDelete == null ? NOT_CHANGED : time(c.tmDelete)};
        int columns = 0;
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] != NOT_CHANGED) {
                columns |= 1 << i;
                values.add(changed[i]);
            }
        }
        values.add(c.activeflowId);
        values.add(already);
        return columns;
    }

    private static Object[] finishRow(UUID activeflowId, int step, ActionFinished finished) {
        return new Object[] {name(finished.outcome()), text(finished.reason()), json(finished.result()),
                time(finished.at()), activeflowId, step};
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
