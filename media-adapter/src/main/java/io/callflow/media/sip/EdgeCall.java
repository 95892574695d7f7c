package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import io.callflow.media.mixer.LegMedia;
import io.callflow.media.rtp.MediaFormat;
import io.callflow.media.rtp.RtpSession;
import io.callflow.media.rtp.Sdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.concurrent.Executor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
    private volatile ScheduledFuture<?> durationTimer;

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

    /**
     * Arms the call-duration timeout: a call still going after {@link SipSettings#maxCallDuration()}
     * is hung up with {@link HangupCause#DURATION_TIMEOUT} (VoIPbin's {@code timeout}).
     */
    void limitDuration() {
        Duration limit = agent.settings.maxCallDuration();
        if (limit == null || limit.isZero() || limit.isNegative()) {
            return;
        }
        durationTimer = timers.schedule(() -> {
            if (!isEnded()) {
                log.info("call {} reached its longest duration ({})", callId, limit);
                hangup(HangupCause.DURATION_TIMEOUT);
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        if (isEnded()) {
            durationTimer.cancel(false);
        }
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
        ScheduledFuture<?> timer = durationTimer;
        if (timer != null) {
            timer.cancel(false);
        }
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

    /**
     * A re-INVITE (a session refresh, hold, a new media address): we keep our port and our codec while
     * the offer still has it (else take the first it has that we speak), follow the far end to a new RTP
     * address, and answer with that one codec and its direction as RFC 3264 asks (sendonly, as a phone
     * putting us on hold offers, is answered recvonly; sendrecv again when it resumes), the o= version
     * raised when the answer changes. An offer without a codec we speak gets 488 and changes nothing;
     * one without SDP gets our last SDP.
     */
    void reinvite(Request request, ServerTransaction transaction) {
        String sdp = localSdp;
        if (sdp == null || isEnded()) {
            agent.respond(transaction, request, Response.REQUEST_PENDING, null);
            return;
        }
        String body = UserAgent.body(request);
        String answer = sdp;
        if (body != null) {
            try {
                Sdp offer = Sdp.parse(body);
                MediaFormat format = offer.renegotiate(rtp.format());
                if (format == null) {
                    agent.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE, null);
                    return;
                }
                if (offer.port() > 0 && !"0.0.0.0".equals(offer.address())) {
                    InetSocketAddress to = new InetSocketAddress(offer.address(), offer.port());
                    if (!to.equals(rtp.remote()) || !format.equals(rtp.format())) {
                        rtp.connect(to, format);
                    }
                }
                answer = Sdp.answerAgain(sdp, agent.host(), rtp.localPort(), format,
                        Sdp.answerDirection(Sdp.direction(body)));
            } catch (Sdp.MalformedSdp e) {
                log.info("call {}: re-INVITE with bad SDP refused ({})", callId, e.getMessage());
                agent.respond(transaction, request, Response.BAD_REQUEST, null);
                return;
            }
        }
        localSdp = answer;
        try {
            Response ok = agent.response(Response.OK, request, null);
            ok.addHeader(agent.contact(((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport()));
            ok.setContent(answer, agent.contentType("application", "sdp"));
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
