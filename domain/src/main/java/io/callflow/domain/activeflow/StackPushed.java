package io.callflow.domain.activeflow;

import io.callflow.domain.action.Action;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stack of actions was pushed; running off its end returns to the action after {@code returnActionId}. */
public record StackPushed(
        ActiveflowId activeflowId,
        CustomerId customerId,
        UUID stackId,
        List<Action> actions,
        UUID returnStackId,
        UUID returnActionId,
        Instant at) implements ActiveflowEvent {
}
