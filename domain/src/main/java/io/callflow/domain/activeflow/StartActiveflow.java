package io.callflow.domain.activeflow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create an activeflow and run it until it waits or ends. Exactly one of {@code flowId} and {@code actions} is set; {@code actions} were validated before this was sent. */
public record StartActiveflow(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        FlowId flowId,
        List<Action> actions,
        ReferenceType referenceType,
        UUID referenceId,
        ActiveflowId referenceActiveflowId,
        int completeCount,
        Map<String, String> variables,
        Instant at) {
}
