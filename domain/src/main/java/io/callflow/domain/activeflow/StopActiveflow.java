package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop an activeflow on request; stopping an ended one changes nothing. */
public record StopActiveflow(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        Instant at) {
}
