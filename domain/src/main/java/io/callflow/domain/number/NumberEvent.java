package io.callflow.domain.number;

import io.callflow.domain.common.CustomerEvent;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** What happened to a number. */
public sealed interface NumberEvent extends CustomerEvent permits NumberCreated, NumberUpdated, NumberDeleted {
    NumberId numberId();

    CustomerId customerId();

    Instant at();
}
