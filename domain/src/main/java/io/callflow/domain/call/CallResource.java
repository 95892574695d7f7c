package io.callflow.domain.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * A call as the API shows it (VoIPbin's call shape, reference 1.5). {@code recordingId} is the recording
 * in progress (null once it ended, as VoIPbin clears it), {@code recordingIds} every recording of the call;
 * {@code muteDirection} is {@code ""}, {@code in}, {@code out} or {@code both}.
 */
public record CallResource(
        UUID id,
        UUID customerId,
        UUID flowId,
        UUID activeflowId,
        String type,
        UUID masterCallId,
        List<UUID> chainedCallIds,
        UUID recordingId,
        List<UUID> recordingIds,
        JsonNode source,
        JsonNode destination,
        String status,
        String direction,
        String muteDirection,
        String digits,
        String hangupBy,
        String hangupReason,
        String tmCreate,
        String tmUpdate,
        String tmRinging,
        String tmProgressing,
        String tmHangup) {
}
