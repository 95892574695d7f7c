package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** The activeflow ended. {@code onCompleteActiveflowId} is the id its on-complete flow will run under, or null; {@code onCompleteRefused} says why none runs when one was configured. */
public record ActiveflowStopped(
        ActiveflowId activeflowId,
        CustomerId customerId,
        StopReason reason,
        String detail,
        ActiveflowId onCompleteActiveflowId,
        String onCompleteRefused,
        Instant at) implements ActiveflowEvent {
}
