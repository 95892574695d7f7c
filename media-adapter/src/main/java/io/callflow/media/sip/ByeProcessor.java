package io.callflow.media.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The far end hangs up: 200 OK and the call ends; 481 when we know no such call. */
final class ByeProcessor extends InCallProcessor {
    ByeProcessor(UserAgent agent, CallRegistry calls) {
        super(agent, calls);
    }

    @Override
    void process(EdgeCall call, Request request, ServerTransaction transaction) {
        agent.respond(transaction, request, Response.OK, null);
        call.remoteBye();
    }
}
