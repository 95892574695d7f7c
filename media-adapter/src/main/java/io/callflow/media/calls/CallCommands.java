package io.callflow.media.calls;

import io.callflow.domain.activeflow.RecordDigit;
import io.callflow.domain.activeflow.RecordMediaOutcome;
import io.callflow.domain.activeflow.StopActiveflowForCall;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.HangupCall;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.call.HangupReason;
import io.callflow.domain.call.RecordCallDigit;
import io.callflow.domain.call.RecordCallEnded;
import io.callflow.domain.call.RecordCallMute;
import io.callflow.domain.call.RecordCallProgress;
import io.callflow.domain.call.RecordRecordingFinished;
import io.callflow.domain.call.RecordRecordingStarted;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import io.callflow.media.sip.SipCall;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the media side tells the aggregates: SIP facts to the call, media outcomes and key presses to its activeflow. */
final class CallCommands {
    private static final Logger log = LoggerFactory.getLogger(CallCommands.class);

    /** The metadata key the platform records who caused a command under. */
    static final String ACTOR = "actor";

    private final CommandGateway gateway;
    private final Clock clock;

    CallCommands(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    void progress(LiveCall call, CallStatus status) {
        sendFromPeer(call, new RecordCallProgress(call.callId(), status, clock.instant()));
    }

    void ended(LiveCall call, HangupCause cause, int sipStatus) {
        sendFromPeer(call, new RecordCallEnded(call.callId(), cause, sipStatus, clock.instant()));
        if (flowRuns(call) && !call.flowEnded()) {
            sendFromPeer(call, new StopActiveflowForCall(call.activeflowId(), call.customerId(), "the call hung up",
                    clock.instant()));
        }
    }

    void digit(LiveCall call, char digit) {
        String key = String.valueOf(digit);
        sendFromPeer(call, new RecordCallDigit(call.callId(), key, clock.instant()));
        if (flowRuns(call)) {
            sendFromPeer(call, new RecordDigit(call.activeflowId(), call.customerId(), key, clock.instant()));
        }
    }

    /**
     * An incoming call's flow runs from admission, an outgoing call's once it was started (at the answer, or
     * at ringing for early_execution); a connect leg runs none.
     */
    private static boolean flowRuns(LiveCall call) {
        return call.activeflowId() != null && (call.flowOnAnswer() == null || call.flowStarted());
    }

    /** Once per call: the first accepted request moves it to terminating or canceling, later ones would change nothing. */
    void hangup(LiveCall call, HangupReason reason) {
        if (!call.isHangingUp() && send(new HangupCall(call.callId(), null, reason, clock.instant()))) {
            call.hangupSent();
        }
    }

    void hangup(CallId call, HangupReason reason) {
        send(new HangupCall(call, null, reason, clock.instant()));
    }

    void outcome(LiveCall call, long step, UUID actionId, boolean succeeded, String detail,
                 Map<String, String> variables) {
        send(new RecordMediaOutcome(call.activeflowId(), call.customerId(), step, actionId, succeeded, detail,
                variables, clock.instant()));
    }

    void muted(LiveCall call, String direction, boolean muted) {
        send(new RecordCallMute(call.callId(), direction, muted, clock.instant()));
    }

    void recordingStarted(LiveCall call, UUID recordingId, String channels) {
        send(new RecordRecordingStarted(call.callId(), recordingId, "wav", channels, clock.instant()));
    }

    void recordingFinished(LiveCall call, UUID recordingId, Path file, Duration length, String detail) {
        send(new RecordRecordingFinished(call.callId(), recordingId, length.toMillis(), file.toString(), detail,
                clock.instant()));
    }

    /** Sends and waits: commands for one call arrive in the order its events happened. False when it was not accepted. */
    boolean send(Object command) {
        try {
            gateway.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            log.warn("{} was not accepted: {}", command.getClass().getSimpleName(), e.toString());
            return false;
        }
    }

    /** A fact the far end caused: its events name the SIP peer as their actor ({@code sip:<host:port>}). */
    void sendFromPeer(LiveCall call, Object command) {
        send(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(ACTOR, peerActor(call.sip()))));
    }

    static String peerActor(SipCall sip) {
        return sip == null ? "sip" : "sip:" + sip.peer();
    }
}
