package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.Map;

/** Variables were set (last write wins). */
public record VariablesSet(
        ActiveflowId activeflowId,
        CustomerId customerId,
        Map<String, String> values,
        Instant at) implements ActiveflowEvent {
}
