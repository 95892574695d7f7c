package io.callflow.domain.flow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a flow's content, making its next version. {@code expectedVersion} null means "whatever is current". */
public record UpdateFlow(
        @TargetAggregateIdentifier FlowId flowId,
        CustomerId customerId,
        Integer expectedVersion,
        FlowType type,
        String name,
        String detail,
        List<Action> actions,
        FlowId onCompleteFlowId,
        Instant at) {
}
