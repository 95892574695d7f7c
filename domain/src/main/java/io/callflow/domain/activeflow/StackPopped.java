package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A stack was left and released. */
public record StackPopped(
        ActiveflowId activeflowId,
        CustomerId customerId,
        UUID stackId,
        Instant at) implements ActiveflowEvent {
}
