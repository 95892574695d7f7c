package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** A trunk's settings changed; {@code passwordChanged} records a new password without its value. */
public record TrunkUpdated(
        TrunkId trunkId,
        CustomerId customerId,
        String name,
        String host,
        int port,
        TrunkTransport transport,
        String username,
        boolean passwordSet,
        boolean passwordChanged,
        Instant at) implements TrunkEvent {
}
