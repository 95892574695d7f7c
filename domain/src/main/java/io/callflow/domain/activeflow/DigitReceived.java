package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** A key pressed on the activeflow's call (an external input); the variables it changes follow as {@link VariablesSet}. */
public record DigitReceived(
        ActiveflowId activeflowId,
        CustomerId customerId,
        String digit,
        Instant at) implements ActiveflowEvent {
}
