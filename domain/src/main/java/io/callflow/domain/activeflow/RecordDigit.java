package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A key was pressed on the activeflow's call. */
public record RecordDigit(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        String digit,
        Instant at) {
}
