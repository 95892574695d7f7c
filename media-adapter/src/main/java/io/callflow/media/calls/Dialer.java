package io.callflow.media.calls;

import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.trunk.TrunkDirectory;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkRoute;
import io.callflow.media.mixer.MixingCore;
import io.callflow.media.sip.Dial;
import io.callflow.media.sip.SipEdge;
import io.callflow.media.sip.TrunkAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Dials outgoing calls: a {@code sip} destination directly, a {@code tel} one through the
 * call's trunk (digest credentials answer one challenge). The call's flow starts when it is
 * answered (reference 6.4); an unanswered call ends after the ring timeout as noanswer.
 */
public final class Dialer {
    private final SipEdge edge;
    private final TrunkDirectory trunks;
    private final LiveCalls calls;
    private final MixingCore mixer;
    private final CallCommands commands;
    private final Duration ringTimeout;
    private final Connects connects;

    public Dialer(SipEdge edge, TrunkDirectory trunks, LiveCalls calls, MixingCore mixer, Connects connects,
                  CommandGateway gateway, Clock clock, Duration ringTimeout) {
        this.connects = connects;
        this.edge = edge;
        this.trunks = trunks;
        this.calls = calls;
        this.mixer = mixer;
        this.commands = new CallCommands(gateway, clock);
        this.ringTimeout = ringTimeout;
    }

    void dial(CallCreated created) {
        if (created.direction() != CallDirection.OUTGOING) {
            return;
        }
        // a connect's leg runs no flow of its own: answering bridges it with its caller
        StartActiveflow flow = connects.isLeg(created.callId()) ? null : new StartActiveflow(created.activeflowId(),
                created.customerId(), created.flowId(), created.actions(), ReferenceType.CALL,
                created.callId().value(), null, 0, CallVariables.of(created.callId(), CallDirection.OUTGOING,
                created.source(), created.destination(), created.masterCallId()), created.at());
        LiveCall call = new LiveCall(created.callId(), created.customerId(), flow == null ? null
                : created.activeflowId(), CallDirection.OUTGOING, flow);
        call.callerWithheld(created.anonymous());
        call.source(created.source());
        call.earlyExecution(created.earlyExecution());
        Optional<Dial> dial = dialFor(created);
        if (dial.isEmpty()) {
            commands.ended(call, HangupCause.FAILED, 0);
            connects.legEnded(call, HangupCause.FAILED);
            return;
        }
        calls.add(call);
        try {
            call.attach(edge.dial(dial.get(), new CallSignals(call, calls, mixer, commands, connects)));
        } catch (IllegalStateException noPortOrClosed) {
            calls.remove(call.callId());
            commands.ended(call, HangupCause.FAILED, 0);
            connects.legEnded(call, HangupCause.FAILED);
        }
    }

    private Optional<Dial> dialFor(CallCreated created) {
        String target = created.destination().target();
        String fromUser = created.source() == null || created.source().target() == null
                ? "anonymous" : userPart(created.source().target());
        String fromName = created.source() == null ? "" : created.source().targetName();
        if ("sip".equals(created.destination().type())) {
            String uri = target.startsWith("sip:") ? target : "sip:" + target;
            return Optional.of(new Dial(uri, fromUser, fromName, null, ringTimeout, created.anonymous()));
        }
        Optional<TrunkRoute> route = created.trunkId() == null
                ? trunks.forCustomer(created.customerId()).stream().findFirst()
                : trunks.find(created.customerId(), new TrunkId(created.trunkId()));
        return route.map(trunk -> {
            String uri = "sip:" + target + "@" + trunk.host() + ":" + trunk.port() + transportParameter(trunk);
            return new Dial(uri, fromUser, fromName, account(trunk), ringTimeout, created.anonymous());
        });
    }

    private static String transportParameter(TrunkRoute trunk) {
        String transport = trunk.transport().name().toLowerCase(Locale.ROOT);
        return "udp".equals(transport) ? "" : ";transport=" + transport;
    }

    private static TrunkAccount account(TrunkRoute trunk) {
        return new TrunkAccount(trunk.host(), trunk.port(), trunk.transport().name().toLowerCase(Locale.ROOT),
                trunk.username(), trunk.password());
    }

    private String userPart(String address) {
        String bare = InboundCallAdmission.stripScheme(address);
        int at = bare.indexOf('@');
        return at < 0 ? bare : bare.substring(0, at);
    }
}
