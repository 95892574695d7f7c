package io.callflow.domain.activeflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** The flow asked for an effect outside itself (HTTP fetch, flow fetch, webhook). When {@code awaited}, the current action waits for its response. */
public record EffectRequested(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        EffectKind effect,
        JsonNode request,
        boolean awaited,
        Instant at) implements ActiveflowEvent {
}
