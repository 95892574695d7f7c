package io.callflow.command.flow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.flow.CreateFlow;
import io.callflow.domain.flow.DeleteFlow;
import io.callflow.domain.flow.FlowCreated;
import io.callflow.domain.flow.FlowDeleted;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowResource;
import io.callflow.domain.flow.FlowType;
import io.callflow.domain.flow.FlowUpdated;
import io.callflow.domain.flow.UpdateFlow;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A flow: a list of actions with a version that every update raises. */
@Aggregate(cache = "flowCache")
public class Flow {
    @AggregateIdentifier
    private FlowId flowId;
    private CustomerId customerId;
    private int version;
    private FlowType type;
    private String name;
    private String detail;
    private List<Action> actions;
    private FlowId onCompleteFlowId;
    private Instant created;
    private Instant updated;
    private Instant deleted;

    @CommandHandler
    public Flow(CreateFlow command) {
        apply(new FlowCreated(command.flowId(), command.customerId(), 1, command.type(), command.name(),
                command.detail(), command.actions(), command.onCompleteFlowId(), command.at()));
    }

    @CommandHandler
    public FlowResource handle(UpdateFlow command) {
        requireVisibleTo(command.customerId());
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new Conflict("flow " + flowId + " is at version " + version + ", not "
                    + command.expectedVersion());
        }
        apply(new FlowUpdated(flowId, customerId, version + 1, command.type(), command.name(), command.detail(),
                command.actions(), command.onCompleteFlowId(), command.at()));
        return resource();
    }

    @CommandHandler
    public FlowResource handle(DeleteFlow command) {
        requireVisibleTo(command.customerId());
        apply(new FlowDeleted(flowId, customerId, version, command.at()));
        return resource();
    }

    /** The current version, for an activeflow about to start from it. */
    public RunnableFlow runnableFor(CustomerId caller) {
        requireVisibleTo(caller);
        return new RunnableFlow(flowId, version, actions, onCompleteFlowId);
    }

    public FlowResource resource() {
        return new FlowResource(flowId.value(), customerId.value(), type.name().toLowerCase(), name, detail, actions,
                onCompleteFlowId == null ? null : onCompleteFlowId.value(), version, Timestamps.format(created),
                Timestamps.format(updated), Timestamps.format(deleted));
    }

    private void requireVisibleTo(CustomerId caller) {
        if (deleted != null || !customerId.equals(caller)) {
            throw new NotFound("flow " + flowId);
        }
    }

    @EventSourcingHandler
    void on(FlowCreated event) {
        flowId = event.flowId();
        customerId = event.customerId();
        created = event.at();
        assign(event.version(), event.type(), event.name(), event.detail(), event.actions(),
                event.onCompleteFlowId(), event.at());
    }

    @EventSourcingHandler
    void on(FlowUpdated event) {
        assign(event.version(), event.type(), event.name(), event.detail(), event.actions(),
                event.onCompleteFlowId(), event.at());
    }

    @EventSourcingHandler
    void on(FlowDeleted event) {
        deleted = event.at();
        updated = event.at();
    }

    private void assign(int newVersion, FlowType newType, String newName, String newDetail, List<Action> newActions,
                        FlowId newOnComplete, Instant at) {
        version = newVersion;
        type = newType;
        name = newName;
        detail = newDetail;
        actions = newActions;
        onCompleteFlowId = newOnComplete;
        updated = at;
    }

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Flow() {
    }
}
