package io.callflow.domain.flow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** A flow was deleted. */
public record FlowDeleted(
        FlowId flowId,
        CustomerId customerId,
        int version,
        Instant at) implements FlowEvent {
}
