package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Soft-delete a number: it stays in history, and its value is free for anyone to take again. */
public record DeleteNumber(
        @TargetAggregateIdentifier NumberId numberId,
        CustomerId customerId,
        Instant at) {
}
