package io.callflow.media.sip;

import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;

/** Responses to what we sent: INVITE responses drive outbound calls; a final answer to our BYE ends the call. */
final class ResponseProcessor {
    private final CallRegistry calls;

    ResponseProcessor(CallRegistry calls) {
        this.calls = calls;
    }

    void process(ResponseEvent event) {
        EdgeCall call = calls.get(UserAgent.callIdOf(event.getResponse()));
        if (call == null) {
            return;
        }
        String method = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod();
        if (Request.INVITE.equals(method) && call instanceof OutboundCall outbound) {
            outbound.inviteResponse(event);
        } else if (Request.BYE.equals(method) && event.getResponse().getStatusCode() >= 200) {
            call.byeAnswered();
        }
    }
}
