package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** The call is over: the reason and side as the reference's table 6.3 computes them, with the SIP cause and status they came from. */
public record CallHungUp(
        CallId callId,
        CustomerId customerId,
        HangupReason reason,
        HangupBy by,
        HangupCause cause,
        int sipStatus,
        Instant at) implements CallEvent {
}
