package io.callflow.domain.call;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a call in status dialing (see {@link CallCreated}); {@code anonymous} withholds the caller id when dialing;
 * {@code earlyExecution} starts an outgoing call's flow when it rings, not when it is answered. */
public record CreateCall(
        @TargetAggregateIdentifier CallId callId,
        CustomerId customerId,
        CallDirection direction,
        Address source,
        Address destination,
        FlowId flowId,
        List<Action> actions,
        ActiveflowId activeflowId,
        CallId masterCallId,
        String sipCallId,
        String peer,
        UUID trunkId,
        boolean anonymous,
        boolean earlyExecution,
        Instant at) {
}
