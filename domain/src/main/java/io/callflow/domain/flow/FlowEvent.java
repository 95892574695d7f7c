package io.callflow.domain.flow;

import io.callflow.domain.common.CustomerEvent;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** What happened to a flow. */
public sealed interface FlowEvent extends CustomerEvent permits FlowCreated, FlowUpdated, FlowDeleted {
    FlowId flowId();

    CustomerId customerId();

    int version();

    Instant at();
}
