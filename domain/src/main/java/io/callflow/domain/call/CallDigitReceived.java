package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** The caller pressed a key (RFC 4733 or SIP INFO), counted once. */
public record CallDigitReceived(CallId callId, CustomerId customerId, String digit, Instant at) implements CallEvent {
}
