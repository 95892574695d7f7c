package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** The activeflow was soft-deleted. */
public record ActiveflowDeleted(
        ActiveflowId activeflowId,
        CustomerId customerId,
        Instant at) implements ActiveflowEvent {
}
