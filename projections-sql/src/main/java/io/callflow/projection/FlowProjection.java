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
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * The {@code flows} table (each flow as it is now) and {@code flow_versions} (each version as
 * it was saved). A row changes only for an event newer than its {@code last_sequence}, so a
 * redelivered or replayed event changes nothing. The processor's transaction wraps each batch
 * with its token, so nothing here opens one.
 */
@ProcessingGroup(FlowProjection.GROUP)
public class FlowProjection {
    public static final String GROUP = "flow-projection";

    private final DSLContext sql;

    public FlowProjection(DSLContext sql) {
        this.sql = sql;
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
        OffsetDateTime at = time(e.at());
        sql.update(FLOWS)
                .set(FLOWS.TM_DELETE, at)
                .set(FLOWS.TM_UPDATE, at)
                .set(FLOWS.LAST_SEQUENCE, sequence)
                .where(FLOWS.ID.eq(e.flowId().value()), FLOWS.LAST_SEQUENCE.lt(sequence))
                .execute();
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

        int changed = sql.insertInto(FLOWS)
                .set(FLOWS.ID, id)
                .set(FLOWS.CUSTOMER_ID, customerId.value())
                .set(FLOWS.TYPE, typeName)
                .set(FLOWS.NAME, cleanName)
                .set(FLOWS.DETAIL, cleanDetail)
                .set(FLOWS.ACTIONS, actionsJson)
                .set(FLOWS.ON_COMPLETE_FLOW_ID, onComplete)
                .set(FLOWS.VERSION, version)
                .set(FLOWS.LAST_SEQUENCE, sequence)
                .set(FLOWS.TM_CREATE, time)
                .set(FLOWS.TM_UPDATE, time)
                .onConflict(FLOWS.ID)
                .doUpdate()
                .set(FLOWS.TYPE, typeName)
                .set(FLOWS.NAME, cleanName)
                .set(FLOWS.DETAIL, cleanDetail)
                .set(FLOWS.ACTIONS, actionsJson)
                .set(FLOWS.ON_COMPLETE_FLOW_ID, onComplete)
                .set(FLOWS.VERSION, version)
                .set(FLOWS.LAST_SEQUENCE, sequence)
                .set(FLOWS.TM_UPDATE, time)
                .where(FLOWS.LAST_SEQUENCE.lt(sequence))
                .execute();
        if (changed == 0) {
            return; // already applied
        }
        sql.insertInto(FLOW_VERSIONS)
                .set(FLOW_VERSIONS.FLOW_ID, id)
                .set(FLOW_VERSIONS.VERSION, version)
                .set(FLOW_VERSIONS.CUSTOMER_ID, customerId.value())
                .set(FLOW_VERSIONS.TYPE, typeName)
                .set(FLOW_VERSIONS.NAME, cleanName)
                .set(FLOW_VERSIONS.DETAIL, cleanDetail)
                .set(FLOW_VERSIONS.ACTIONS, actionsJson)
                .set(FLOW_VERSIONS.ON_COMPLETE_FLOW_ID, onComplete)
                .set(FLOW_VERSIONS.TM_CREATE, time)
                .onConflict(FLOW_VERSIONS.FLOW_ID, FLOW_VERSIONS.VERSION)
                .doUpdate()
                .set(FLOW_VERSIONS.TYPE, typeName)
                .set(FLOW_VERSIONS.NAME, cleanName)
                .set(FLOW_VERSIONS.DETAIL, cleanDetail)
                .set(FLOW_VERSIONS.ACTIONS, actionsJson)
                .set(FLOW_VERSIONS.ON_COMPLETE_FLOW_ID, onComplete)
                .set(FLOW_VERSIONS.TM_CREATE, time)
                .execute();
    }
}
