package io.callflow.projection;

import static io.callflow.projection.Columns.id;
import static io.callflow.projection.Columns.json;
import static io.callflow.projection.Columns.name;
import static io.callflow.projection.Columns.textOrEmpty;
import static io.callflow.projection.Columns.time;
import static io.callflow.projection.jooq.Tables.FLOWS;
import static io.callflow.projection.jooq.Tables.FLOW_VERSIONS;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowCreated;
import io.callflow.domain.flow.FlowDeleted;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowType;
import io.callflow.domain.flow.FlowUpdated;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * The {@code flows} table (each flow as it is now) and {@code flow_versions} (each version as
 * it was saved). A row changes only for an event newer than its {@code last_sequence}, so a
 * redelivered or replayed event changes nothing. Events are collected per processing batch and
 * written at its commit ({@link FlowBatch}), in the processor's transaction with its token.
 */
@ProcessingGroup(FlowProjection.GROUP)
public class FlowProjection {
    public static final String GROUP = "flow-projection";
    private static final String BATCH = FlowBatch.class.getName();

    private final DSLContext sql;
    private final FlowBatch.Statements statements;

    public FlowProjection(DSLContext sql) {
        this.sql = sql;
        this.statements = new FlowBatch.Statements(sql);
    }

    @EventHandler
    void on(FlowCreated e, @SequenceNumber long sequence) {
        save(e.flowId(), e.customerId(), e.version(), e.type(), e.name(), e.detail(), e.actions(),
                e.onCompleteFlowId(), e.at(), sequence);
    }

    @EventHandler
    void on(FlowUpdated e, @SequenceNumber long sequence) {
        save(e.flowId(), e.customerId(), e.version(), e.type(), e.name(), e.detail(), e.actions(),
                e.onCompleteFlowId(), e.at(), sequence);
    }

    @EventHandler
    void on(FlowDeleted e, @SequenceNumber long sequence) {
        batch().add(new FlowBatch.Delete(e.flowId().value(), time(e.at()), sequence));
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(FLOW_VERSIONS).execute();
        sql.deleteFrom(FLOWS).execute();
    }

    private void save(FlowId flowId, CustomerId customerId, int version, FlowType type, String name, String detail,
                      List<Action> actions, FlowId onCompleteFlowId, Instant at, long sequence) {
        UUID id = flowId.value();
        String typeName = type == null ? "flow" : name(type);
        String cleanName = textOrEmpty(name);
        String cleanDetail = textOrEmpty(detail);
        JSON actionsJson = json(actions == null ? List.of() : actions);
        UUID onComplete = id(onCompleteFlowId);
        OffsetDateTime time = time(at);
        batch().add(new FlowBatch.Save(
                new Object[] {id, customerId.value(), typeName, cleanName, cleanDetail, actionsJson, onComplete,
                        version, sequence, time, time},
                new Object[] {id, version, customerId.value(), typeName, cleanName, cleanDetail, actionsJson,
                        onComplete, time}));
    }

    /** The batch of the unit of work being processed, written when that unit of work prepares to commit. */
    private FlowBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            FlowBatch batch = new FlowBatch();
            unitOfWork.onPrepareCommit(u -> batch.write(sql, statements));
            return batch;
        });
    }
}
