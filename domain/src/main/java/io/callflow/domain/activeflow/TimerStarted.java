package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** The current action waits for a persisted timer, due at {@code dueAt}. */
public record TimerStarted(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        Instant dueAt,
        Instant at) implements ActiveflowEvent {
}
