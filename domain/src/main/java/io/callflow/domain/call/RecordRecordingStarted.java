package io.callflow.domain.call;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mixing core started recording the call. */
public record RecordRecordingStarted(@TargetAggregateIdentifier CallId callId, UUID recordingId, String format,
                                     String channels, Instant at) {
}
