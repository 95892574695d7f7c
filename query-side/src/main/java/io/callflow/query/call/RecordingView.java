package io.callflow.query.call;

import java.util.List;
import java.util.UUID;

/** A recording as the API shows it (reference 1.5); {@code filenames} name its WAV, downloadable at /v1/recordings/{id}/file. */
public record RecordingView(
        UUID id,
        UUID customerId,
        String referenceType,
        UUID referenceId,
        String status,
        String format,
        String channels,
        long durationMs,
        List<String> filenames,
        String tmStart,
        String tmEnd,
        String tmUpdate) {
}
