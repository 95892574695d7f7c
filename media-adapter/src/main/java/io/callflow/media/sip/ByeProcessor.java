package io.callflow.media.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The far end hangs up: 200 OK and the call ends; 481 when we know no such call. */
final class ByeProcessor implements RequestProcessor {
    private final UserAgent agent;
    private final CallRegistry calls;

    ByeProcessor(UserAgent agent, CallRegistry calls) {
        this.agent = agent;
        this.calls = calls;
    }

    @Override
    public void process(Request request, ServerTransaction transaction) {
        EdgeCall call = calls.get(UserAgent.callIdOf(request));
        if (call == null) {
            agent.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        agent.respond(transaction, request, Response.OK, null);
        call.remoteBye();
    }
}
