package io.callflow.projection;

import static io.callflow.projection.BatchStatements.blanks;
import static io.callflow.projection.BatchStatements.excludedAll;
import static io.callflow.projection.jooq.Tables.FLOWS;
import static io.callflow.projection.jooq.Tables.FLOW_VERSIONS;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The flow events of one processing batch, written at its commit (in the transaction that also
 * stores the processor's token) as prepared statements with one set of bind values per event,
 * so nothing is rendered per event. Events are written in their order: consecutive saves go as
 * one batch per table, a delete between them starts the next. Every row is guarded as before: a
 * flow row changes only for an event newer than its {@code last_sequence}, and a version row is
 * the one its event wrote, so a redelivered or replayed batch changes nothing.
 */
final class FlowBatch {
    /** The columns of a flow row, in bind order. */
    static final List<Field<?>> FLOW = List.of(FLOWS.ID, FLOWS.CUSTOMER_ID, FLOWS.TYPE, FLOWS.NAME, FLOWS.DETAIL,
            FLOWS.ACTIONS, FLOWS.ON_COMPLETE_FLOW_ID, FLOWS.VERSION, FLOWS.LAST_SEQUENCE, FLOWS.TM_CREATE,
            FLOWS.TM_UPDATE);
    /** What a newer save changes in an existing flow row (all but its id, customer and creation time). */
    private static final List<Field<?>> FLOW_CHANGES = List.of(FLOWS.TYPE, FLOWS.NAME, FLOWS.DETAIL, FLOWS.ACTIONS,
            FLOWS.ON_COMPLETE_FLOW_ID, FLOWS.VERSION, FLOWS.LAST_SEQUENCE, FLOWS.TM_UPDATE);
    /** The columns of a version row, in bind order. */
    static final List<Field<?>> VERSION = List.of(FLOW_VERSIONS.FLOW_ID, FLOW_VERSIONS.VERSION,
            FLOW_VERSIONS.CUSTOMER_ID, FLOW_VERSIONS.TYPE, FLOW_VERSIONS.NAME, FLOW_VERSIONS.DETAIL,
            FLOW_VERSIONS.ACTIONS, FLOW_VERSIONS.ON_COMPLETE_FLOW_ID, FLOW_VERSIONS.TM_CREATE);

    /** A flow saved as it is after a create or update: its row's and its version row's bind values. */
    record Save(Object[] flow, Object[] version) {
    }

    /** A flow deleted at {@code at} by the event of {@code sequence}. */
    record Delete(UUID flowId, OffsetDateTime at, long sequence) {
    }

    private final List<Object> pending = new ArrayList<>();

    void add(Save save) {
        pending.add(save);
    }

    void add(Delete delete) {
        pending.add(delete);
    }

    /** The projection's statements, written once by jOOQ when it starts. */
    static final class Statements {
        private final PreparedBatch.Statement flow;
        private final PreparedBatch.Statement version;
        private final PreparedBatch.Statement delete;

        Statements(DSLContext sql) {
            this.flow = PreparedBatch.Statement.of(sql.insertInto(FLOWS).columns(FLOW).values(blanks(FLOW))
                    .onConflict(FLOWS.ID).doUpdate().set(excludedAll(FLOW_CHANGES))
                    .where(FLOWS.LAST_SEQUENCE.lt(DSL.excluded(FLOWS.LAST_SEQUENCE))));
            // a version row is only ever written from its own event, so writing it again writes the same values
            this.version = PreparedBatch.Statement.of(sql.insertInto(FLOW_VERSIONS).columns(VERSION)
                    .values(blanks(VERSION)).onConflict(FLOW_VERSIONS.FLOW_ID, FLOW_VERSIONS.VERSION).doUpdate()
                    .set(excludedAll(VERSION.subList(2, VERSION.size()))));
            this.delete = PreparedBatch.Statement.of(sql.update(FLOWS)
                    .set(FLOWS.TM_DELETE, (OffsetDateTime) null)
                    .set(FLOWS.TM_UPDATE, (OffsetDateTime) null)
                    .set(FLOWS.LAST_SEQUENCE, (Long) null)
                    .where(FLOWS.ID.eq((UUID) null), FLOWS.LAST_SEQUENCE.lt((Long) null)));
        }
    }

    void write(DSLContext sql, Statements statements) {
        if (pending.isEmpty()) {
            return;
        }
        sql.connection(connection -> write(connection, statements));
        pending.clear();
    }

    private void write(Connection connection, Statements statements) throws SQLException {
        int from = 0;
        while (from < pending.size()) {
            Class<?> kind = pending.get(from).getClass();
            int to = from;
            while (to < pending.size() && pending.get(to).getClass() == kind) {
                to++;
            }
            if (kind == Save.class) {
                PreparedBatch flows = new PreparedBatch(statements.flow);
                PreparedBatch versions = new PreparedBatch(statements.version);
                for (Object save : pending.subList(from, to)) {
                    flows.add(((Save) save).flow());
                    versions.add(((Save) save).version());
                }
                flows.execute(connection);
                versions.execute(connection);
            } else {
                PreparedBatch rows = new PreparedBatch(statements.delete);
                for (Object pendingDelete : pending.subList(from, to)) {
                    Delete delete = (Delete) pendingDelete;
                    rows.add(delete.at(), delete.at(), delete.sequence(), delete.flowId(), delete.sequence());
                }
                rows.execute(connection);
            }
            from = to;
        }
    }
}
