package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The activeflow's call hung up: the flow ends with {@link StopReason#CALL_HANGUP}. Idempotent. */
public record StopActiveflowForCall(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        String detail,
        Instant at) {
}
