package io.callflow.domain.activeflow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** An action became current. {@code action} is the copy after variable substitution; {@code step} counts executions from 1. */
public record ActionStarted(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID stackId,
        Action action,
        Instant at) implements ActiveflowEvent {
}
