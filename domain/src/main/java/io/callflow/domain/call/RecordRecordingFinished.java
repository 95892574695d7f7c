package io.callflow.domain.call;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A recording of the call is complete on disk. */
public record RecordRecordingFinished(@TargetAggregateIdentifier CallId callId, UUID recordingId, long durationMs,
                                      String file, String detail, Instant at) {
}
