package io.callflow.media.sip;

import io.callflow.media.rtp.TelephoneEvent;

import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** SIP INFO carrying a key (application/dtmf-relay {@code Signal=5}, or application/dtmf {@code 5}): 200 and the digit; 481 when we know no such call. */
final class InfoProcessor extends InCallProcessor {
    InfoProcessor(UserAgent agent, CallRegistry calls) {
        super(agent, calls);
    }

    @Override
    void process(EdgeCall call, Request request, ServerTransaction transaction) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        String body = UserAgent.body(request);
        if (type == null || body == null) {
            agent.respond(transaction, request, Response.OK, null);
            return;
        }
        String subtype = type.getContentSubType().toLowerCase();
        if (!subtype.equals("dtmf-relay") && !subtype.equals("dtmf")) {
            agent.respond(transaction, request, Response.UNSUPPORTED_MEDIA_TYPE, null);
            return;
        }
        char key = subtype.equals("dtmf") ? keyOf(body.strip()) : keyOfRelay(body);
        if (key == 0) {
            agent.respond(transaction, request, Response.BAD_REQUEST, null);
        } else {
            // Queue the key before the 200 lets the peer send its next INFO on another stack thread.
            call.digit(key);
            agent.respond(transaction, request, Response.OK, null);
        }
    }

    private static char keyOfRelay(String body) {
        for (String line : body.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).strip().equalsIgnoreCase("signal")) {
                return keyOf(line.substring(equals + 1).strip());
            }
        }
        return 0;
    }

    /** The key named by {@code text} ("5", "*", "A", or an event code "10", "11"); 0 when none. */
    private static char keyOf(String text) {
        if (text.length() == 1 && TelephoneEvent.eventOf(text.charAt(0)) >= 0) {
            return Character.toUpperCase(text.charAt(0));
        }
        try {
            int event = Integer.parseInt(text);
            return event >= 0 && event < 16 ? new TelephoneEvent(event, false, 0, 0).key() : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
