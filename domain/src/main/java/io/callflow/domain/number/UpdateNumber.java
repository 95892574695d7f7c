package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change what a number does and how it is labelled; the number itself never changes. */
public record UpdateNumber(
        @TargetAggregateIdentifier NumberId numberId,
        CustomerId customerId,
        FlowId callFlowId,
        String name,
        String detail,
        Instant at) {
}
