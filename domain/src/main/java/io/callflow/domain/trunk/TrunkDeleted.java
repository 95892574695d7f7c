package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** A trunk was deleted. */
public record TrunkDeleted(
        TrunkId trunkId,
        CustomerId customerId,
        Instant at) implements TrunkEvent {
}
