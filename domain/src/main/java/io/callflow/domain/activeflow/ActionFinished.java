package io.callflow.domain.activeflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** The current action finished: completed, skipped (with why) or failed (with why). {@code result} holds what it produced, if anything. */
public record ActionFinished(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        ActionOutcome outcome,
        String reason,
        JsonNode result,
        Instant at) implements ActiveflowEvent {
}
