package io.callflow.media.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** OPTIONS (keep-alive pings from trunks and SIPp): 200 with what we allow and accept. */
final class OptionsProcessor implements RequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(OptionsProcessor.class);

    private final UserAgent agent;

    OptionsProcessor(UserAgent agent) {
        this.agent = agent;
    }

    @Override
    public void process(Request request, ServerTransaction transaction) {
        try {
            Response ok = agent.response(Response.OK, request, UserAgent.newTag());
            ok.addHeader(agent.headers.createAllowHeader(UserAgent.ALLOW));
            ok.addHeader(agent.headers.createAcceptHeader("application", "sdp"));
            ok.addHeader(agent.headers.createAcceptHeader("application", "dtmf-relay"));
            ok.addHeader(agent.headers.createAcceptHeader("application", "dtmf"));
            transaction.sendResponse(ok);
        } catch (Exception e) {
            log.debug("OPTIONS not answered: {}", e.toString());
        }
    }
}
