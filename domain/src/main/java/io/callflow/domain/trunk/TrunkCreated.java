package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** A trunk was saved; {@code passwordSet} says whether it authenticates with a password. */
public record TrunkCreated(
        TrunkId trunkId,
        CustomerId customerId,
        String name,
        String host,
        int port,
        TrunkTransport transport,
        String username,
        boolean passwordSet,
        Instant at) implements TrunkEvent {
}
