package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** The clock value a condition_datetime decided on. */
public record ClockRead(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        Instant now,
        Instant at) implements ActiveflowEvent {
}
