package io.callflow.domain.common;

import java.time.Instant;

/** An event of a customer's resource: whose it is and when it happened, as every event carries both. */
public interface CustomerEvent {
    CustomerId customerId();

    Instant at();
}
