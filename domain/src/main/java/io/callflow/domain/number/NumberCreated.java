package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;

/** A customer took a number. */
public record NumberCreated(
        NumberId numberId,
        CustomerId customerId,
        String number,
        FlowId callFlowId,
        String name,
        String detail,
        Instant at) implements NumberEvent {
}
