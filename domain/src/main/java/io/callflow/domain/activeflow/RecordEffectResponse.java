package io.callflow.domain.activeflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand an activeflow the outcome of an effect it waited for (fetch, fetch_flow, sync webhook). {@code step} names the action execution that asked; a response for any other step is recorded and ignored. */
public record RecordEffectResponse(
        @TargetAggregateIdentifier ActiveflowId activeflowId,
        CustomerId customerId,
        long step,
        UUID actionId,
        EffectKind effect,
        int status,
        JsonNode body,
        String error,
        Instant at) {
}
