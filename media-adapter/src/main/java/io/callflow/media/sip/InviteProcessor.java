package io.callflow.media.sip;

import gov.nist.javax.sip.message.SIPMessage;
import io.callflow.media.rtp.MediaFormat;
import io.callflow.media.rtp.PortRange;
import io.callflow.media.rtp.RtpReactor;
import io.callflow.media.rtp.RtpSession;
import io.callflow.media.rtp.Sdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A new INVITE: 481 if it names a dialog we do not know (a To tag), 420 if it requires an
 * extension (100rel, timer: we have none), else 100 Trying at once, then the SDP offer decides
 * (a rejected audio stream (port 0) or no common codec: 488, unreadable: 400) before an RTP port
 * is taken and the platform is asked. An INVITE without an offer gets ours in the 200 OK and must
 * answer it in the ACK ({@link InboundCall}).
 * An INVITE inside a live call (re-INVITE, session refresh) gets our current SDP again.
 */
final class InviteProcessor implements RequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(InviteProcessor.class);

    private final UserAgent agent;
    private final CallRegistry calls;
    private final RtpReactor reactor;
    private final PortRange ports;
    private final InboundCalls inboundCalls;
    private final Executor workers;
    private final ScheduledExecutorService timers;

    InviteProcessor(UserAgent agent, CallRegistry calls, RtpReactor reactor, PortRange ports, InboundCalls inboundCalls,
                    Executor workers, ScheduledExecutorService timers) {
        this.agent = agent;
        this.calls = calls;
        this.reactor = reactor;
        this.ports = ports;
        this.inboundCalls = inboundCalls;
        this.workers = workers;
        this.timers = timers;
    }

    /** RFC 3323: {@code Privacy: id} (or header, user) hides the caller; so does an {@code anonymous} From user. */
    static boolean callerWithheld(Request request) {
        javax.sip.header.Header privacy = request.getHeader("Privacy");
        if (privacy != null) {
            String value = privacy.toString().toLowerCase(java.util.Locale.ROOT);
            value = value.substring(value.indexOf(':') + 1);
            for (String token : value.split("[;,\\s]+")) {
                if (token.equals("id") || token.equals("user") || token.equals("header")) {
                    return true;
                }
            }
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from.getAddress().getURI() instanceof SipURI sip && "anonymous".equalsIgnoreCase(sip.getUser());
    }

    /** The option tags of the request's {@code Require} headers; we support none (no 100rel, no timer). */
    static List<String> unsupportedExtensions(Request request) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> required = request.getHeaders(RequireHeader.NAME);
        while (required != null && required.hasNext()) {
            String tag = ((RequireHeader) required.next()).getOptionTag();
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags;
    }

    @Override
    public void process(Request request, ServerTransaction transaction) {
        String callId = UserAgent.callIdOf(request);
        EdgeCall existing = calls.get(callId);
        if (existing != null) {
            existing.reinvite(request, transaction);
            return;
        }
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            // RFC 3261 12.2.2: a request inside a dialog we do not know
            agent.respond(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        List<String> unsupported = unsupportedExtensions(request);
        if (!unsupported.isEmpty()) {
            // RFC 3261 8.2.2.3: an extension the caller requires (e.g. 100rel) that we do not have
            agent.respondUnsupported(transaction, request, unsupported);
            return;
        }
        agent.respond(transaction, request, Response.TRYING, null);
        String tag = UserAgent.newTag();
        if (!(request.getRequestURI() instanceof SipURI uri) || uri.getUser() == null) {
            agent.respond(transaction, request, Response.NOT_FOUND, tag);
            return;
        }
        String body = UserAgent.body(request);
        // RFC 3261 13.3.1.1: an INVITE without an offer (a delayed offer) gets ours in the 200, its answer in the ACK
        Sdp offer = null;
        MediaFormat format = null;
        if (body != null) {
            try {
                offer = Sdp.parse(body);
            } catch (Sdp.MalformedSdp e) {
                log.info("INVITE {} refused: bad SDP ({})", callId, e.getMessage());
                agent.respond(transaction, request, Response.BAD_REQUEST, tag);
                return;
            }
            if (offer.port() == 0) {
                log.info("INVITE {} refused: its audio stream is disabled (port 0)", callId);
                agent.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE, tag);
                return;
            }
            format = offer.negotiate();
            if (format == null) {
                log.info("INVITE {} refused: no common codec in {}", callId, offer.payloadTypes());
                agent.respond(transaction, request, Response.NOT_ACCEPTABLE_HERE, tag);
                return;
            }
        }
        RtpSession rtp;
        try {
            rtp = RtpSession.open(reactor, ports, agent.settings.bindAddress());
        } catch (IOException | IllegalStateException e) {
            log.warn("INVITE {} refused: {}", callId, e.getMessage());
            agent.respond(transaction, request, Response.SERVICE_UNAVAILABLE, tag);
            return;
        }
        if (offer != null) {
            rtp.connect(new InetSocketAddress(offer.address(), offer.port()), format);
        }
        String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport();
        SIPMessage message = (SIPMessage) request;
        String peer = message.getRemoteAddress().getHostAddress() + ":" + message.getRemotePort();
        InboundCall call = new InboundCall(agent, callId, rtp, calls, workers, timers, transaction, request, format,
                transport, peer, tag);
        calls.add(call);
        call.limitDuration();
        log.info("call {} from {} to {} offered {}", callId, UserAgent.fromUri(request), uri.getUser(),
                format == null ? "nothing (delayed offer)" : format.codec());
        String displayName = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getDisplayName();
        call.admit(inboundCalls, new IncomingInvite(uri.getUser(), UserAgent.fromUri(request), displayName,
                UserAgent.toUri(request), transport, callerWithheld(request), call));
    }
}
