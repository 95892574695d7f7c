package io.callflow.media.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** ACK to our 200 OK: the inbound call is up. ACKs to error answers never get here (the transaction absorbs them). */
final class AckProcessor implements RequestProcessor {
    private final CallRegistry calls;

    AckProcessor(CallRegistry calls) {
        this.calls = calls;
    }

    @Override
    public void process(Request request, ServerTransaction transaction) {
        if (calls.get(UserAgent.callIdOf(request)) instanceof InboundCall call) {
            call.acked(request);
        }
    }
}
