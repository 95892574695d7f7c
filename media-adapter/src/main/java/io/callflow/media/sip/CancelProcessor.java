package io.callflow.media.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The caller gives up before the answer: 200 to the CANCEL, 487 to the INVITE, the call ending for the CANCEL's
 * Reason (normal clearing without one); 481 when there is nothing to cancel.
 */
final class CancelProcessor implements RequestProcessor {
    private final UserAgent agent;
    private final CallRegistry calls;

    CancelProcessor(UserAgent agent, CallRegistry calls) {
        this.agent = agent;
        this.calls = calls;
    }

    @Override
    public void process(Request request, ServerTransaction transaction) {
        if (calls.get(UserAgent.callIdOf(request)) instanceof InboundCall call && !call.isEnded()) {
            agent.respond(transaction, request, Response.OK, null);
            call.cancelled(SipStatus.causeOfReason(request));
        } else {
            agent.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
        }
    }
}
