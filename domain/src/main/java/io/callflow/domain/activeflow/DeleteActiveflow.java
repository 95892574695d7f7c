package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop (if running) and soft-delete an activeflow. */
public record DeleteActiveflow(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        Instant at) {
}
