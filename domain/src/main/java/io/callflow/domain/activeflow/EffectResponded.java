package io.callflow.domain.activeflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** The response to an awaited effect (an external input): status, body or error. */
public record EffectResponded(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        EffectKind effect,
        int status,
        JsonNode body,
        String error,
        Instant at) implements ActiveflowEvent {
}
