package io.callflow.media.calls;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.call.Address;
import io.callflow.domain.call.AdmitIncomingCall;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CreateCall;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.number.NumberDirectory;
import io.callflow.domain.number.NumberRoute;
import io.callflow.media.mixer.MixingCore;
import io.callflow.media.sip.Admission;
import io.callflow.media.sip.IncomingInvite;
import io.callflow.media.sip.InboundCalls;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INVITE to one of our numbers becomes a Call and starts the number's flow (reference 6.4,
 * DESIGN "How a call flows"): the call is created ringing and its flow started in one command
 * ({@link AdmitIncomingCall}, one commit), then rings while its flow runs, and the flow's
 * {@code answer} answers it. An unknown number gets 404, a number without a flow 480.
 */
public final class InboundCallAdmission implements InboundCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundCallAdmission.class);

    private final NumberDirectory numbers;
    private final LiveCalls calls;
    private final MixingCore mixer;
    private final CommandGateway gateway;
    private final CallCommands commands;
    private final Clock clock;
    private final Connects connects;

    public InboundCallAdmission(NumberDirectory numbers, LiveCalls calls, MixingCore mixer, CommandGateway gateway,
                                Connects connects, Clock clock) {
        this.connects = connects;
        this.numbers = numbers;
        this.calls = calls;
        this.mixer = mixer;
        this.gateway = gateway;
        this.commands = new CallCommands(gateway, clock);
        this.clock = clock;
    }

    @Override
    public Admission admit(IncomingInvite invite) {
        Optional<NumberRoute> route = numbers.find(invite.number());
        if (route.isEmpty()) {
            return new Admission.Reject(404, "Not Found");
        }
        NumberRoute number = route.get();
        if (number.flowId() == null) {
            return new Admission.Reject(480, "Temporarily Unavailable");
        }
        CallId callId = new CallId(UUID.randomUUID());
        ActiveflowId activeflowId = new ActiveflowId(UUID.randomUUID());
        LiveCall call = new LiveCall(callId, number.customerId(), activeflowId, CallDirection.INCOMING, null);
        call.attach(invite.call());
        call.callerWithheld(invite.callerWithheld());
        Address source = sourceOf(invite);
        call.source(source);
        Address destination = Address.of(number.number().startsWith("+") ? "tel" : "sip", number.number());
        Map<String, String> byPeer = Map.of(CallCommands.ACTOR, CallCommands.peerActor(invite.call()));
        CreateCall create = new CreateCall(callId, number.customerId(), CallDirection.INCOMING, source, destination,
                number.flowId(), null, activeflowId, null, invite.call().sipCallId(), invite.call().peer(), null,
                false, false, clock.instant());
        StartActiveflow start = new StartActiveflow(activeflowId, number.customerId(), number.flowId(), null,
                ReferenceType.CALL, callId.value(), null, 0,
                CallVariables.of(callId, CallDirection.INCOMING, source, destination), clock.instant());
        // live before its flow runs: the flow's first media request may arrive before this method returns
        calls.add(call);
        mixer.addLeg(call.legId(), invite.call().media());
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new AdmitIncomingCall(create, start))
                    .andMetaData(byPeer));
        } catch (RuntimeException e) {
            mixer.removeLeg(call.legId());
            calls.remove(callId);
            // reference 3.9: a call whose activeflow could not be created is recorded, then hung up
            log.warn("call {}: its flow {} did not start: {}", callId, number.flowId(), e.toString());
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(create).andMetaData(byPeer));
            commands.ended(call, HangupCause.FAILED, 480);
            return new Admission.Reject(480, "Temporarily Unavailable");
        }
        CallSignals signals = new CallSignals(call, calls, mixer, commands, connects);
        invite.call().ring();
        return new Admission.Accept(signals);
    }

    /**
     * Who calls, as VoIPbin writes a call to a number: a caller whose user part is a phone number
     * ({@code +15551230000}, {@code 5551230000}) is {@code tel} with that number, anyone else
     * {@code sip} with {@code user@host}; the display name is the {@code target_name}.
     */
    static Address sourceOf(IncomingInvite invite) {
        String from = stripScheme(invite.fromUri());
        int parameters = from.indexOf(';');
        String bare = parameters < 0 ? from : from.substring(0, parameters);
        int at = bare.indexOf('@');
        String user = at < 0 ? bare : bare.substring(0, at);
        String name = invite.fromDisplayName() == null ? "" : invite.fromDisplayName();
        if (PHONE_NUMBER.matcher(user).matches()) {
            return new Address("tel", user, name, "", "");
        }
        return new Address("sip", bare, name, "", "");
    }

    private static final java.util.regex.Pattern PHONE_NUMBER = java.util.regex.Pattern.compile("\\+?[0-9]{3,15}");

    static String stripScheme(String uri) {
        if (uri == null) {
            return "";
        }
        String text = uri.startsWith("<") && uri.endsWith(">") ? uri.substring(1, uri.length() - 1) : uri;
        return text.startsWith("sip:") ? text.substring(4) : text.startsWith("sips:") ? text.substring(5) : text;
    }
}
