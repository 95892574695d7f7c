package io.callflow.domain.activeflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/**
 * The flow asked the media adapter to do something on its call: {@code operation} is the
 * action type (answer, talk, play, ...) and {@code option} its options after substitution.
 * When {@code awaited}, the action waits for {@link MediaCompleted}. The media adapter performs
 * each request once, keyed by (activeflow, step).
 */
public record MediaRequested(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        UUID callId,
        String operation,
        ObjectNode option,
        boolean awaited,
        Instant at) implements ActiveflowEvent {
}
