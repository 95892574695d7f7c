package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a trunk's settings. {@code password} null keeps the current one; {@code ""} removes it. */
public record UpdateTrunk(
        @TargetAggregateIdentifier TrunkId trunkId,
        CustomerId customerId,
        String name,
        String host,
        int port,
        TrunkTransport transport,
        String username,
        String password,
        Instant at) {
}
