package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start the on-complete activeflow of {@code parentActiveflowId} under the id the parent's stop
 * decided. It inherits the parent's variables and reference, and counts one more link in the chain.
 */
public record StartOnCompleteActiveflow(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        ActiveflowId parentActiveflowId,
        CustomerId customerId,
        Instant at) {
}
