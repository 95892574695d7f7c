package io.callflow.domain.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The SIP edge saw the call end with {@code cause}; the aggregate finalizes the hangup (reference 6.3). */
public record RecordCallEnded(@TargetAggregateIdentifier CallId callId, HangupCause cause, int sipStatus,
                              Instant at) {
}
