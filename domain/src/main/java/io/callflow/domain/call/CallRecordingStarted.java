package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A recording of the call started; {@code format} is wav, {@code channels} mono or stereo. */
public record CallRecordingStarted(CallId callId, CustomerId customerId, UUID recordingId, String format,
                                   String channels, Instant at) implements CallEvent {
}
