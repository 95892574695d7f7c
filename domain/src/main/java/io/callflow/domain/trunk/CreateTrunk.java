package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Save a SIP trunk. {@code password} goes to {@link TrunkSecrets}, never into an event: events are
 * readable through the events API and kept for ever.
 */
public record CreateTrunk(
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
