package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** The call moved to {@code status} (ringing, progressing, terminating, canceling); a local hangup carries the {@code requestedReason}. */
public record CallStatusChanged(
        CallId callId,
        CustomerId customerId,
        CallStatus status,
        HangupReason requestedReason,
        Instant at) implements CallEvent {
}
