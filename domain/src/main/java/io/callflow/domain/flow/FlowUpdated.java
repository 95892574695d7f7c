package io.callflow.domain.flow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.List;

/** A flow got a new version; activeflows already running keep the version they started with. */
public record FlowUpdated(
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
