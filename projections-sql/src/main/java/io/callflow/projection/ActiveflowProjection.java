package io.callflow.projection;

import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_ACTIONS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_VARIABLES;

import io.callflow.domain.activeflow.ActiveflowEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;

/**
 * The {@code activeflows} table and its children: the actions it executed (one row per
 * step) and its variables (one row per name). An activeflow decides about 30 events per
 * second of a busy flow, so events are not written one by one: each processing batch is
 * folded per activeflow ({@link ActiveflowChanges}) and written at commit in a few
 * batched statements ({@link ActiveflowBatch}), guarded by {@code last_sequence} so a
 * replayed or redelivered event changes nothing. {@code tm_update} follows every event,
 * as the aggregate's own view does.
 */
@ProcessingGroup(ActiveflowProjection.GROUP)
public class ActiveflowProjection {
    public static final String GROUP = "activeflow-projection";
    private static final String BATCH = ActiveflowBatch.class.getName();

    private final DSLContext sql;
    private final ActiveflowBatch.Statements statements;

    public ActiveflowProjection(DSLContext sql) {
        this.sql = sql;
        this.statements = new ActiveflowBatch.Statements(sql);
    }

    @EventHandler
    void on(ActiveflowEvent event, @SequenceNumber long sequence) {
        batch().add(event, sequence);
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(ACTIVEFLOW_ACTIONS).execute();
        sql.deleteFrom(ACTIVEFLOW_VARIABLES).execute();
        sql.deleteFrom(ACTIVEFLOWS).execute();
    }

    /** The batch of the unit of work being processed, written when that unit of work prepares to commit. */
    private ActiveflowBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            ActiveflowBatch batch = new ActiveflowBatch();
            unitOfWork.onPrepareCommit(u -> batch.write(sql, statements));
            return batch;
        });
    }
}
