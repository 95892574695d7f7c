package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import io.callflow.media.mixer.LegMedia;
import io.callflow.media.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What inbound and outbound calls share: the dialog, the RTP session, the listener (told
 * things in order on the call's own serial executor) and the single way a call ends.
 */
abstract class EdgeCall implements SipCall {
    private static final Logger log = LoggerFactory.getLogger(EdgeCall.class);
    /** How long a BYE or CANCEL may go unanswered before the call counts as ended anyway. */
    static final long GIVE_UP_SECONDS = 10;

    /** How a call ends, decided before the message that ends it has been answered. */
    record Ending(HangupCause cause, boolean byRemote, int sipStatus) {
    }

    final UserAgent agent;
    final String callId;
    final RtpSession rtp;
    final ScheduledExecutorService timers;
    private final CallRegistry registry;
    private final Executor events;
    private final AtomicBoolean ended = new AtomicBoolean();
    volatile CallListener listener;
    volatile Dialog dialog;
    /** The SDP we sent last (offer or answer), repeated when the far end re-INVITEs. */
    volatile String localSdp;
    private volatile Ending byeEnding;

    EdgeCall(UserAgent agent, String callId, RtpSession rtp, CallRegistry registry, Executor workers,
             ScheduledExecutorService timers) {
        this.agent = agent;
        this.callId = callId;
        this.rtp = rtp;
        this.registry = registry;
        this.timers = timers;
        this.events = new SerialExecutor(workers);
        rtp.onDigit(this::digit);
    }

    @Override
    public String sipCallId() {
        return callId;
    }

    @Override
    public LegMedia media() {
        return rtp;
    }

    boolean isEnded() {
        return ended.get();
    }

    /** Runs {@code task} after everything already queued for this call. */
    void later(Runnable task) {
        events.execute(task);
    }

    void tell(Consumer<CallListener> event) {
        events.execute(() -> {
            CallListener current = listener;
            if (current != null) {
                event.accept(current);
            }
        });
    }

    void digit(char key) {
        if (!isEnded()) {
            tell(l -> l.digit(key));
        }
    }

    /** The one way a call ends: forget it, free its RTP port, tell the listener once. */
    void end(HangupCause cause, boolean byRemote, int sipStatus) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        registry.remove(this);
        rtp.close();
        log.info("call {} ended: {} by {} (SIP {})", callId, cause, byRemote ? "remote" : "local", sipStatus);
        tell(l -> l.ended(cause, byRemote, sipStatus));
    }

    void end(Ending ending) {
        end(ending.cause(), ending.byRemote(), ending.sipStatus());
    }

    /** The far end sent BYE (already answered with 200). */
    void remoteBye() {
        end(HangupCause.NORMAL_CLEARING, true, 0);
    }

    /** Sends BYE once; the call ends as {@code ending} when the BYE is answered or given up on. */
    void bye(Ending ending) {
        synchronized (this) {
            if (byeEnding != null) {
                return;
            }
            byeEnding = ending;
        }
        try {
            Dialog current = dialog;
            Request bye = current.createRequest(Request.BYE);
            ClientTransaction transaction = agent.provider.getNewClientTransaction(bye);
            current.sendRequest(transaction);
            timers.schedule(() -> end(ending), GIVE_UP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("call {}: BYE not sent: {}", callId, e.toString());
            end(ending);
        }
    }

    /** A final response to our BYE, or its transaction timed out. */
    void byeAnswered() {
        Ending ending = byeEnding;
        if (ending != null) {
            end(ending);
        }
    }

    /** A client transaction of this call timed out without a final response. */
    void timedOut(String method) {
        if (Request.BYE.equals(method)) {
            byeAnswered();
        }
    }

    @Override
    public void sendDigit(char digit, int durationMs) {
        if (isEnded() || rtp.sendDigit(digit, durationMs)) {
            return;
        }
        try {
            Dialog current = dialog;
            Request info = current.createRequest(Request.INFO);
            info.setContent("Signal=" + digit + "\r\nDuration=" + durationMs + "\r\n",
                    agent.contentType("application", "dtmf-relay"));
            current.sendRequest(agent.provider.getNewClientTransaction(info));
        } catch (Exception e) {
            log.debug("call {}: INFO digit not sent: {}", callId, e.toString());
        }
    }

    /** A re-INVITE (e.g. a session refresh): we keep our media as it is and answer with the same SDP. */
    void reinvite(Request request, ServerTransaction transaction) {
        String sdp = localSdp;
        if (sdp == null || isEnded()) {
            agent.respond(transaction, request, Response.REQUEST_PENDING, null);
            return;
        }
        try {
            Response ok = agent.response(Response.OK, request, null);
            ok.addHeader(agent.contact(((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport()));
            ok.setContent(sdp, agent.contentType("application", "sdp"));
            transaction.sendResponse(ok);
        } catch (Exception e) {
            log.debug("call {}: re-INVITE not answered: {}", callId, e.toString());
        }
    }

    /** Ends the call without waiting for the far end (the edge is closing). */
    void abandon() {
        end(HangupCause.NORMAL_CLEARING, false, 0);
    }
}
