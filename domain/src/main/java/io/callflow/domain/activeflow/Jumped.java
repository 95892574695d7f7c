package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A jump (next_id, goto, branch or a condition's false target) chose where the flow goes next. */
public record Jumped(
        ActiveflowId activeflowId,
        CustomerId customerId,
        UUID stackId,
        UUID actionId,
        Instant at) implements ActiveflowEvent {
}
