package io.callflow.domain.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Direct control of a live call through the API (talk, play, digits_send, mute, unmute,
 * recording_start, recording_stop) with the action's options. The same {@code commandId}
 * within 60 s is performed once.
 */
public record ControlCall(@TargetAggregateIdentifier CallId callId, CustomerId customerId, String operation,
                          ObjectNode option, String commandId, Instant at) {
}
