package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** The activeflow ended. {@code onCompleteActiveflowId} is the id its on-complete flow will run under, or null; {@code onCompleteRefused} says why none runs when one was configured. The reference tells a call that its flow ended (reference 3.9); both are null in events stored before they were added. */
public record ActiveflowStopped(
        ActiveflowId activeflowId,
        CustomerId customerId,
        StopReason reason,
        String detail,
        ActiveflowId onCompleteActiveflowId,
        String onCompleteRefused,
        Instant at,
        ReferenceType referenceType,
        UUID referenceId) implements ActiveflowEvent {
}
