package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An awaited media operation ended (an external input): whether it succeeded, why not, and variables it produced (e.g. the AMD result). */
public record MediaCompleted(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        boolean succeeded,
        String detail,
        Map<String, String> variables,
        Instant at) implements ActiveflowEvent {
}
