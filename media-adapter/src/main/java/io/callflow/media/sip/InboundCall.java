package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import io.callflow.media.rtp.MediaFormat;
import io.callflow.media.rtp.RtpSession;
import io.callflow.media.rtp.Sdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A call someone placed to us: early until {@link #answer()}, confirmed by the caller's ACK. Without an
 * offer in the INVITE (a delayed offer, no {@code format} yet) the 200 OK carries our offer and the ACK
 * must carry the answer (RFC 3261 13.3.1.1, 3264); an ACK without a usable one ends the call with a BYE.
 */
final class InboundCall extends EdgeCall {
    private static final Logger log = LoggerFactory.getLogger(InboundCall.class);

    private enum State { EARLY, ANSWERED, CONFIRMED, REFUSED }

    private final ServerTransaction invite;
    private final Request request;
    /** What the INVITE's offer negotiated to; null for a delayed offer until the ACK's answer. */
    private final MediaFormat format;
    private final String toTag;
    private final String transport;
    private final String peer;
    private State state = State.EARLY;

    InboundCall(UserAgent agent, String callId, RtpSession rtp, CallRegistry registry, Executor workers,
                ScheduledExecutorService timers, ServerTransaction invite, Request request, MediaFormat format,
                String transport, String peer, String toTag) {
        super(agent, callId, rtp, registry, workers, timers);
        this.invite = invite;
        this.request = request;
        this.format = format;
        this.transport = transport;
        this.peer = peer;
        this.toTag = toTag;
        this.dialog = invite.getDialog();
    }

    @Override
    public String peer() {
        return peer;
    }

    /** Asks the platform about this call on the call's executor; a rejection answers the INVITE and frees the port. */
    void admit(InboundCalls inboundCalls, IncomingInvite incoming) {
        later(() -> {
            if (isEnded()) {
                return;
            }
            Admission admission;
            try {
                admission = inboundCalls.admit(incoming);
            } catch (RuntimeException e) {
                log.warn("call {}: admission failed", callId, e);
                admission = new Admission.Reject(500, "Server Internal Error");
            }
            if (admission instanceof Admission.Accept accept) {
                listener = accept.listener();
            } else if (admission instanceof Admission.Reject reject && leaveEarly(State.REFUSED)) {
                agent.respond(invite, request, reject.status(), reject.reason(), toTag);
                end(SipStatus.causeOf(reject.status()), false, reject.status());
            }
        });
    }

    private synchronized boolean early() {
        return state == State.EARLY && !isEnded();
    }

    /** Moves on from the early state; false when another event already did. */
    private synchronized boolean leaveEarly(State next) {
        if (!early()) {
            return false;
        }
        state = next;
        return true;
    }

    /** Held while the 180 is sent: the flow may answer at once, and its 200 must not go out before this 180. */
    @Override
    public void ring() {
        boolean rang;
        synchronized (this) {
            rang = early() && agent.respond(invite, request, Response.RINGING, toTag);
        }
        if (rang) {
            tell(CallListener::ringing);
        }
    }

    @Override
    public void answer() {
        if (!leaveEarly(State.ANSWERED)) {
            return;
        }
        try {
            Response ok = agent.response(Response.OK, request, toTag);
            ok.addHeader(agent.contact(transport));
            localSdp = format == null ? Sdp.offer(agent.host(), rtp.localPort(), System.currentTimeMillis())
                    : Sdp.answer(agent.host(), rtp.localPort(), System.currentTimeMillis(), format);
            ok.setContent(localSdp, agent.contentType("application", "sdp"));
            invite.sendResponse(ok);
            log.info("call {} answered {}", callId, format == null ? "with our offer" : "with " + format.codec());
        } catch (Exception e) {
            log.warn("call {}: 200 OK not sent: {}", callId, e.toString());
            end(HangupCause.FAILED, false, 0);
        }
    }

    /** The caller's ACK to our 200 OK; for a delayed offer, with the answer to ours. */
    void acked(Request ack) {
        synchronized (this) {
            if (state != State.ANSWERED || isEnded()) {
                return;
            }
            state = State.CONFIRMED;
        }
        if (format == null && !connectAnswer(UserAgent.body(ack))) {
            tell(CallListener::answered);
            hangup(HangupCause.FAILED);
            return;
        }
        tell(CallListener::answered);
    }

    /** Follows the answer an ACK carried to our offer; false when it carried none we can use. */
    private boolean connectAnswer(String body) {
        if (body == null) {
            log.info("call {}: the ACK carried no answer to our offer", callId);
            return false;
        }
        try {
            Sdp answer = Sdp.parse(body);
            MediaFormat agreed = answer.port() == 0 ? null : answer.negotiate();
            if (agreed == null) {
                log.info("call {}: the ACK's answer has no codec of our offer", callId);
                return false;
            }
            rtp.connect(new InetSocketAddress(answer.address(), answer.port()), agreed);
            log.info("call {} agreed on {} in the ACK", callId, agreed.codec());
            return true;
        } catch (Sdp.MalformedSdp e) {
            log.info("call {}: the ACK's answer is unreadable ({})", callId, e.getMessage());
            return false;
        }
    }

    /**
     * The caller gave up before we answered (the CANCEL got its 200 already), for {@code cause} (its Reason
     * header, normal clearing without one); false when it was too late.
     */
    boolean cancelled(HangupCause cause) {
        if (!leaveEarly(State.REFUSED)) {
            return false;
        }
        agent.respond(invite, request, Response.REQUEST_TERMINATED, toTag);
        end(cause, true, Response.REQUEST_TERMINATED);
        return true;
    }

    @Override
    public void hangup(HangupCause cause) {
        if (isEnded()) {
            return;
        }
        if (leaveEarly(State.REFUSED)) {
            int status = SipStatus.statusFor(cause);
            agent.respond(invite, request, status, toTag);
            end(cause, false, status);
        } else {
            bye(new Ending(cause, false, 0));
        }
    }
}
