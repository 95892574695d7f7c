package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a number for a customer; calls to it start {@code callFlowId} (null: no flow yet). */
public record CreateNumber(
        @TargetAggregateIdentifier NumberId numberId,
        CustomerId customerId,
        String number,
        FlowId callFlowId,
        String name,
        String detail,
        Instant at) {
}
