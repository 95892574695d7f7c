package io.callflow.domain.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** Someone asked the live call to do {@code operation} directly, outside its flow. */
public record CallControlRequested(CallId callId, CustomerId customerId, String operation, ObjectNode option,
                                   String commandId, Instant at) implements CallEvent {
}
