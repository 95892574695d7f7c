package io.callflow.domain.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The SIP edge received a key press on the call. */
public record RecordCallDigit(@TargetAggregateIdentifier CallId callId, String digit, Instant at) {
}
