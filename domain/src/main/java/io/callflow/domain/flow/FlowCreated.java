package io.callflow.domain.flow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.List;

/** A flow was saved as version 1. */
public record FlowCreated(
        FlowId flowId,
        CustomerId customerId,
        int version,
        FlowType type,
        String name,
        String detail,
        List<Action> actions,
        FlowId onCompleteFlowId,
        Instant at) implements FlowEvent {
}
