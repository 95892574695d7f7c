package io.callflow.domain.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The SIP edge saw the call ring or get answered; a transition the status machine refuses changes nothing. */
public record RecordCallProgress(@TargetAggregateIdentifier CallId callId, CallStatus status, Instant at) {
}
