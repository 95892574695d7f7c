package io.callflow.domain.flow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Save a new flow; its actions were validated whole before this was sent. */
public record CreateFlow(
        @TargetAggregateIdentifier FlowId flowId,
        CustomerId customerId,
        FlowType type,
        String name,
        String detail,
        List<Action> actions,
        FlowId onCompleteFlowId,
        Instant at) {
}
