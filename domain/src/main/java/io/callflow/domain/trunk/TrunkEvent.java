package io.callflow.domain.trunk;

import io.callflow.domain.common.CustomerEvent;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** What happened to a trunk. No event carries a password. */
public sealed interface TrunkEvent extends CustomerEvent permits TrunkCreated, TrunkUpdated, TrunkDeleted {
    TrunkId trunkId();

    CustomerId customerId();

    Instant at();
}
