package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** The flow no longer waits for the media operation of {@code step} (a key press cut a talk short): the media adapter stops it. */
public record MediaCancelled(
        ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        UUID callId,
        Instant at) implements ActiveflowEvent {
}
