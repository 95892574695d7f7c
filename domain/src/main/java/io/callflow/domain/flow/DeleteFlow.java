package io.callflow.domain.flow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-delete a flow: it stays readable in history, and no new activeflow can start from it. */
public record DeleteFlow(
        @TargetAggregateIdentifier FlowId flowId,
        CustomerId customerId,
        Instant at) {
}
