package io.callflow.domain.activeflow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An activeflow was created with a copy of the actions it runs (pinned to {@code flowVersion}) and its initial variables. */
public record ActiveflowCreated(
        ActiveflowId activeflowId,
        CustomerId customerId,
        FlowId flowId,
        Integer flowVersion,
        List<Action> actions,
        ReferenceType referenceType,
        UUID referenceId,
        ActiveflowId referenceActiveflowId,
        FlowId onCompleteFlowId,
        int completeCount,
        Map<String, String> variables,
        Instant at) implements ActiveflowEvent {
}
