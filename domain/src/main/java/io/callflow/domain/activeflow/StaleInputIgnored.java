package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** An input arrived for an action execution that is no longer current; it changed nothing. */
public record StaleInputIgnored(
        ActiveflowId activeflowId,
        CustomerId customerId,
        String input,
        long step,
        UUID actionId,
        long currentStep,
        Instant at) implements ActiveflowEvent {
}
