package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** A number was deleted; {@code number} is the value it freed. */
public record NumberDeleted(
        NumberId numberId,
        CustomerId customerId,
        String number,
        Instant at) implements NumberEvent {
}
