package io.callflow.domain.call;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.time.Instant;
import java.util.List;

/**
 * A call exists, in status dialing. It runs {@code flowId} (or the inline {@code actions})
 * as {@code activeflowId}: an incoming call at once, an outgoing one when it is answered.
 * {@code peer} is the SIP peer's address; {@code trunkId} is set for tel destinations. An outgoing call
 * that is {@code anonymous} is dialed with the caller id withheld (the {@code anonymous} option of
 * {@code call} and {@code connect}); its {@code source} still says who calls. One with
 * {@code earlyExecution} (the {@code call} action's {@code early_execution}) starts its flow as soon as
 * it rings. Events stored before these fields existed read as false.
 */
public record CallCreated(
        CallId callId,
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
        java.util.UUID trunkId,
        boolean anonymous,
        boolean earlyExecution,
        Instant at) implements CallEvent {
}
