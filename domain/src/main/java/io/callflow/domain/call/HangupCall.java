package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hang the call up locally with {@code reason} (reference 6.2). {@code customerId} is null when the platform itself asks. */
public record HangupCall(@TargetAggregateIdentifier CallId callId, CustomerId customerId, HangupReason reason,
                         Instant at) {
}
