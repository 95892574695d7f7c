package io.callflow.media.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** A request that belongs to a call we hold (BYE, INFO): 481 when we know no such call, else the call handles it. */
abstract class InCallProcessor implements RequestProcessor {
    final UserAgent agent;
    private final CallRegistry calls;

    InCallProcessor(UserAgent agent, CallRegistry calls) {
        this.agent = agent;
        this.calls = calls;
    }

    @Override
    public final void process(Request request, ServerTransaction transaction) {
        EdgeCall call = calls.get(UserAgent.callIdOf(request));
        if (call == null) {
            agent.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        process(call, request, transaction);
    }

    /** Answers {@code request} for {@code call}. */
    abstract void process(EdgeCall call, Request request, ServerTransaction transaction);
}
