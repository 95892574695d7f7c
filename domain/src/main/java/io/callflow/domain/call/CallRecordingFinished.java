package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A recording's file is complete. */
public record CallRecordingFinished(CallId callId, CustomerId customerId, UUID recordingId, long durationMs,
                                    String file, String detail, Instant at) implements CallEvent {
}
