package io.callflow.command.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.flow.FlowId;
import io.callflow.engine.effects.FlowSource;
import java.util.Optional;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** {@code fetch_flow} reads the flow's current version from its events, for the same customer only. */
public class RepositoryFlowSource implements FlowSource {
    private final Repository<Flow> flows;

    public RepositoryFlowSource(Repository<Flow> flows) {
        this.flows = flows;
    }

    @Override
    public Optional<JsonNode> actionsOf(FlowId flowId, CustomerId customerId) {
        try {
            RunnableFlow flow = flows.load(flowId.toString()).invoke(f -> f.runnableFor(customerId));
            return Optional.of(Json.mapper().valueToTree(flow.actions()));
        } catch (AggregateNotFoundException | IncompatibleAggregateException | NotFound e) {
            return Optional.empty();
        }
    }
}
