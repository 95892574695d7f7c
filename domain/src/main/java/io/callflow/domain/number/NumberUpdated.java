package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;

/** A number got another flow, name or detail. */
public record NumberUpdated(
        NumberId numberId,
        CustomerId customerId,
        FlowId callFlowId,
        String name,
        String detail,
        Instant at) implements NumberEvent {
}
