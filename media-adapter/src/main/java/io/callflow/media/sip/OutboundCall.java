package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import io.callflow.media.rtp.MediaFormat;
import io.callflow.media.rtp.RtpSession;
import io.callflow.media.rtp.Sdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A call we place: INVITE with our offer, ringing until 200 OK (then ACK and media) or a
 * final error. A 401/407 is answered once with the trunk's credentials. Hanging up or the
 * ring timeout before the answer sends CANCEL, as soon as a provisional response allows it.
 */
final class OutboundCall extends EdgeCall {
    private static final Logger log = LoggerFactory.getLogger(OutboundCall.class);

    /** An INVITE may take Timer B (64 * T1 = 32 s) to fail after our CANCEL; then the call counts as ended anyway. */
    private static final long CANCEL_GIVE_UP_SECONDS = 32;

    private final Dial dial;
    private final String transport;
    private Request invite;
    private ClientTransaction transaction;
    private boolean provisional;
    private boolean answered;
    private boolean authenticated;
    private boolean ringing;
    private boolean progressing;
    private boolean cancelSent;
    /** Set when we decided to cancel: how the call ends once the INVITE gets its final answer. */
    private Ending cancel;
    private ScheduledFuture<?> ringTimer;

    OutboundCall(UserAgent agent, String callId, RtpSession rtp, CallRegistry registry, Executor workers,
                 ScheduledExecutorService timers, Dial dial, CallListener listener) {
        super(agent, callId, rtp, registry, workers, timers);
        this.dial = dial;
        this.listener = listener;
        this.transport = transportOf(dial);
    }

    private static String transportOf(Dial dial) {
        if (dial.trunk() != null && dial.trunk().transport() != null) {
            return dial.trunk().transport().toUpperCase();
        }
        int at = dial.requestUri().toLowerCase().indexOf(";transport=");
        if (at >= 0) {
            String rest = dial.requestUri().substring(at + 11).split("[;>?]")[0];
            return rest.toUpperCase();
        }
        return "UDP";
    }

    @Override
    public String peer() {
        if (dial.trunk() != null) {
            return dial.trunk().host() + ":" + dial.trunk().port();
        }
        String uri = dial.requestUri();
        int at = uri.indexOf('@');
        String hostPort = uri.substring(at >= 0 ? at + 1 : uri.indexOf(':') + 1).split("[;>?]")[0];
        return hostPort.contains(":") ? hostPort : hostPort + ":5060";
    }

    /** Builds and sends the INVITE; runs on a worker. */
    void start() {
        try {
            URI requestUri = agent.addresses.createURI(dial.requestUri());
            SipURI fromUri = dial.anonymous() ? agent.addresses.createSipURI("anonymous", "anonymous.invalid")
                    : agent.addresses.createSipURI(dial.fromUser(), agent.host());
            Address from = agent.addresses.createAddress(fromUri);
            if (dial.anonymous()) {
                from.setDisplayName("Anonymous");
            } else if (dial.fromDisplayName() != null && !dial.fromDisplayName().isBlank()) {
                from.setDisplayName(dial.fromDisplayName());
            }
            Request request = agent.messages.createRequest(requestUri, Request.INVITE,
                    agent.headers.createCallIdHeader(callId),
                    agent.headers.createCSeqHeader(1L, Request.INVITE),
                    agent.headers.createFromHeader(from, UserAgent.newTag()),
                    agent.headers.createToHeader(agent.addresses.createAddress(requestUri), null),
                    List.of(agent.via(transport)),
                    agent.headers.createMaxForwardsHeader(70));
            request.addHeader(agent.contact(transport));
            request.addHeader(agent.headers.createAllowHeader(UserAgent.ALLOW));
            if (dial.anonymous()) {
                request.addHeader(agent.headers.createHeader("Privacy", "id"));
            }
            if (dial.trunk() != null) {
                SipURI route = agent.addresses.createSipURI(null, dial.trunk().host());
                route.setPort(dial.trunk().port());
                route.setTransportParam(transport.toLowerCase());
                route.setLrParam();
                request.addHeader(agent.headers.createRouteHeader(agent.addresses.createAddress(route)));
            }
            localSdp = Sdp.offer(agent.host(), rtp.localPort(), System.currentTimeMillis());
            request.setContent(localSdp, agent.contentType("application", "sdp"));
            send(request);
            if (dial.ringTimeout() != null) {
                ScheduledFuture<?> timer = timers.schedule(this::ringTimedOut, dial.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
                synchronized (this) {
                    ringTimer = timer;
                }
            }
            log.info("call {} dialing {}", callId, dial.requestUri());
        } catch (Exception e) {
            log.warn("call {}: INVITE to {} not sent: {}", callId, dial.requestUri(), e.toString());
            end(HangupCause.FAILED, false, 0);
        }
    }

    private void send(Request request) throws Exception {
        ClientTransaction next = agent.provider.getNewClientTransaction(request);
        synchronized (this) {
            invite = request;
            transaction = next;
            dialog = next.getDialog();
        }
        next.sendRequest();
    }

    /** A response to our INVITE (provisional, final, or a retransmitted 200). */
    void inviteResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            provisional(response, status);
        } else if (status < 300) {
            ok(event, response);
        } else {
            failed(response, status);
        }
    }

    private void provisional(Response response, int status) {
        boolean sendCancel;
        boolean firstRinging = false;
        boolean firstProgress = false;
        synchronized (this) {
            provisional = true;
            sendCancel = cancel != null && !cancelSent;
            // 183 says the far end was reached as much as 180 does: either one moves the call to ringing
            if ((status == Response.RINGING || status == Response.SESSION_PROGRESS) && !ringing) {
                ringing = firstRinging = true;
            }
            if (status == Response.SESSION_PROGRESS && !progressing && response.getRawContent() != null) {
                progressing = firstProgress = true;
            }
        }
        if (sendCancel) {
            sendCancel();
            return;
        }
        if (firstRinging) {
            tell(CallListener::ringing);
        }
        if (response.getRawContent() != null && connectMedia(response) && firstProgress) {
            tell(CallListener::progressing);
        }
    }

    private void ok(ResponseEvent event, Response response) {
        Ending cancelled;
        synchronized (this) {
            if (answered) {
                return;
            }
            answered = true;
            cancelled = cancel;
            if (ringTimer != null) {
                ringTimer.cancel(false);
            }
        }
        try {
            Dialog current = event.getDialog() != null ? event.getDialog() : dialog;
            dialog = current;
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            current.sendAck(current.createAck(cseq));
        } catch (Exception e) {
            log.warn("call {}: ACK not sent: {}", callId, e.toString());
        }
        if (isEnded()) {
            bye(new Ending(HangupCause.NORMAL_CLEARING, false, 0));
        } else if (cancelled != null) {
            // Our CANCEL crossed the 200 OK: the call is up, so BYE ends it the way the CANCEL meant to.
            bye(cancelled);
        } else if (!connectMedia(response)) {
            bye(new Ending(HangupCause.FAILED, false, 0));
        } else {
            log.info("call {} answered", callId);
            tell(CallListener::answered);
        }
    }

    private boolean connectMedia(Response response) {
        try {
            Sdp sdp = Sdp.parse(UserAgent.body(response));
            MediaFormat format = sdp.negotiate();
            if (format == null) {
                log.warn("call {}: answer has no codec we speak: {}", callId, sdp.payloadTypes());
                return false;
            }
            rtp.connect(new InetSocketAddress(sdp.address(), sdp.port()), format);
            return true;
        } catch (Sdp.MalformedSdp e) {
            log.warn("call {}: bad SDP in {}: {}", callId, response.getStatusCode(), e.getMessage());
            return false;
        }
    }

    private void failed(Response response, int status) {
        boolean challenge = status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED;
        Ending cancelled;
        synchronized (this) {
            cancelled = cancel;
            if (challenge && cancelled == null && !authenticated && dial.trunk() != null
                    && dial.trunk().username() != null && !isEnded()) {
                authenticated = true;
            } else {
                challenge = false;
            }
        }
        if (challenge) {
            authenticate(response);
        } else if (cancelled != null) {
            end(cancelled);
        } else {
            end(SipStatus.causeOf(status), true, status);
        }
    }

    private void authenticate(Response challenge) {
        try {
            Request retry;
            synchronized (this) {
                retry = (Request) invite.clone();
            }
            retry.removeHeader(ViaHeader.NAME);
            retry.addHeader(agent.via(transport));
            CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
            retry.setHeader(Digest.authorization(agent.headers, challenge, Request.INVITE,
                    retry.getRequestURI().toString(), dial.trunk().username(), dial.trunk().password()));
            send(retry);
            log.info("call {}: answered the {} challenge", callId, challenge.getStatusCode());
        } catch (Exception e) {
            log.warn("call {}: cannot answer the digest challenge: {}", callId, e.toString());
            end(HangupCause.FAILED, true, challenge.getStatusCode());
        }
    }

    private void ringTimedOut() {
        // VoIPbin semantics: our own dial timeout running out is "dialout", not the far end's "noanswer".
        stopRinging(new Ending(HangupCause.DIAL_TIMEOUT, true, 0));
    }

    @Override
    public void hangup(HangupCause cause) {
        boolean up;
        synchronized (this) {
            up = answered;
        }
        if (isEnded()) {
            return;
        }
        if (up) {
            bye(new Ending(cause, false, 0));
        } else {
            stopRinging(new Ending(cause, false, Response.REQUEST_TERMINATED));
        }
    }

    /** Cancels the INVITE now, or at the first provisional response if none came yet. */
    private void stopRinging(Ending ending) {
        boolean now;
        synchronized (this) {
            if (answered || cancel != null || isEnded()) {
                return;
            }
            cancel = ending;
            now = provisional;
        }
        if (now) {
            sendCancel();
        }
        timers.schedule(() -> end(ending), CANCEL_GIVE_UP_SECONDS, TimeUnit.SECONDS);
    }

    private void sendCancel() {
        ClientTransaction inviteTransaction;
        synchronized (this) {
            if (cancelSent) {
                return;
            }
            cancelSent = true;
            inviteTransaction = transaction;
        }
        try {
            Request cancelRequest = inviteTransaction.createCancel();
            agent.provider.getNewClientTransaction(cancelRequest).sendRequest();
            log.info("call {}: CANCEL sent", callId);
        } catch (Exception e) {
            log.warn("call {}: CANCEL not sent: {}", callId, e.toString());
            Ending ending;
            synchronized (this) {
                ending = cancel;
            }
            end(ending);
        }
    }

    @Override
    void timedOut(String method) {
        if (Request.INVITE.equals(method)) {
            Ending cancelled;
            synchronized (this) {
                cancelled = cancel;
            }
            // No final answer at all: the far end is unreachable.
            end(cancelled != null ? cancelled : new Ending(HangupCause.FAILED, false, Response.REQUEST_TIMEOUT));
        } else {
            super.timedOut(method);
        }
    }

    @Override
    public void ring() {
        // Outbound calls ring at the far end.
    }

    @Override
    public void answer() {
        // Outbound calls are answered by the far end.
    }
}
