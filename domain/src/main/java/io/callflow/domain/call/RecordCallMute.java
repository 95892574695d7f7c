package io.callflow.domain.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The mixing core muted ({@code muted}) or unmuted the call in {@code direction}: {@code in} is
 * what the caller says, {@code out} what it hears, {@code both} the two.
 */
public record RecordCallMute(@TargetAggregateIdentifier CallId callId, String direction, boolean muted, Instant at) {
}
