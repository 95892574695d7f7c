package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A timer fired (an external input, recorded before anything decides on it). */
public record TimerFired(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        Instant at) implements ActiveflowEvent {
}
