package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-delete a trunk; its password is erased. */
public record DeleteTrunk(
        @TargetAggregateIdentifier TrunkId trunkId,
        CustomerId customerId,
        Instant at) {
}
