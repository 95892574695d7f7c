package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A goto's remaining jumps changed; {@code remaining} null means its counter was reset after it fell through. */
public record GotoCounted(
        ActiveflowId activeflowId,
        CustomerId customerId,
        UUID gotoActionId,
        Integer remaining,
        Instant at) implements ActiveflowEvent {
}
