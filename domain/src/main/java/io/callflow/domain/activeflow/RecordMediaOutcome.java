package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand an activeflow the end of a media operation it asked for; one for any other step is recorded and ignored. */
public record RecordMediaOutcome(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        boolean succeeded,
        String detail,
        Map<String, String> variables,
        Instant at) {
}
