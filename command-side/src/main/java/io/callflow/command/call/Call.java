package io.callflow.command.call;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.callflow.domain.call.CallControlRequested;
import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallDigitReceived;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallEvent;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CallMuteChanged;
import io.callflow.domain.call.CallRecordingFinished;
import io.callflow.domain.call.CallRecordingStarted;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.CallStatusChanged;
import io.callflow.domain.call.ControlCall;
import io.callflow.domain.call.CreateCall;
import io.callflow.domain.call.HangupBy;
import io.callflow.domain.call.HangupCall;
import io.callflow.domain.call.HangupReason;
import io.callflow.domain.call.RecordCallDigit;
import io.callflow.domain.call.RecordCallEnded;
import io.callflow.domain.call.RecordCallMute;
import io.callflow.domain.call.RecordCallProgress;
import io.callflow.domain.call.RecordRecordingFinished;
import io.callflow.domain.call.RecordRecordingStarted;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A call: the status machine of reference 6.1, local hangup requests (6.2) and the
 * finalization of {@code hangup_reason} and {@code hangup_by} (6.3). The SIP edge reports
 * facts; this aggregate decides what they mean.
 */
@Aggregate(cache = "callCache")
public class Call {
    @AggregateIdentifier
    private CallId callId;
    private CustomerId customerId;
    private CallDirection direction;
    private CallStatus status;
    private boolean mutedIn;
    private boolean mutedOut;
    private final Map<String, Instant> recentCommands = new HashMap<>();
    static final Duration COMMAND_ID_WINDOW = Duration.ofSeconds(60);

    @CommandHandler
    Call(CreateCall command) {
        apply(new CallCreated(command.callId(), command.customerId(), command.direction(), command.source(),
                command.destination(), command.flowId(), command.actions(), command.activeflowId(),
                command.masterCallId(), command.sipCallId(), command.peer(), command.trunkId(), command.anonymous(),
                command.earlyExecution(), command.at()));
        if (command.direction() == CallDirection.INCOMING) {
            // an incoming call is admitted ringing: the edge answers its INVITE with 180 at once
            apply(new CallStatusChanged(command.callId(), command.customerId(), CallStatus.RINGING, null,
                    command.at()));
        }
    }

    @CommandHandler
    void handle(RecordCallProgress command) {
        if (status.canMoveTo(command.status()) && (command.status() == CallStatus.RINGING
                || command.status() == CallStatus.PROGRESSING)) {
            apply(new CallStatusChanged(callId, customerId, command.status(), null, command.at()));
        }
    }

    /** 6.2: nothing if already ending; an unanswered outgoing call is canceled, anything else terminated. */
    @CommandHandler
    void handle(HangupCall command) {
        if (command.customerId() != null && !command.customerId().equals(customerId)) {
            throw new NotFound("call " + callId);
        }
        if (status == CallStatus.TERMINATING || status == CallStatus.CANCELING || status == CallStatus.HANGUP) {
            return;
        }
        boolean unanswered = status == CallStatus.DIALING || status == CallStatus.RINGING;
        CallStatus next = direction == CallDirection.OUTGOING && unanswered
                ? CallStatus.CANCELING : CallStatus.TERMINATING;
        apply(new CallStatusChanged(callId, customerId, next, command.reason(), command.at()));
    }

    @CommandHandler
    void handle(RecordCallEnded command) {
        if (status == CallStatus.HANGUP) {
            return;
        }
        HangupReason reason = HangupReason.of(direction, status, command.cause());
        HangupBy by = status == CallStatus.TERMINATING || status == CallStatus.CANCELING
                ? HangupBy.LOCAL : HangupBy.REMOTE;
        apply(new CallHungUp(callId, customerId, reason, by, command.cause(), command.sipStatus(), command.at()));
    }

    @CommandHandler
    void handle(RecordCallDigit command) {
        if (status != CallStatus.HANGUP) {
            apply(new CallDigitReceived(callId, customerId, command.digit(), command.at()));
        }
    }

    /** Performed once per command id within {@link #COMMAND_ID_WINDOW}; a call that is over cannot be controlled. */
    @CommandHandler
    void handle(ControlCall command) {
        if (!command.customerId().equals(customerId)) {
            throw new NotFound("call " + callId);
        }
        if (status != CallStatus.PROGRESSING && status != CallStatus.RINGING && status != CallStatus.DIALING) {
            throw new Conflict("call " + callId + " is " + status.name().toLowerCase() + ": it cannot be controlled");
        }
        if (command.commandId() != null) {
            Instant seen = recentCommands.get(command.commandId());
            if (seen != null && seen.plus(COMMAND_ID_WINDOW).isAfter(command.at())) {
                return;
            }
        }
        apply(new CallControlRequested(callId, customerId, command.operation(), command.option(),
                command.commandId(), command.at()));
    }

    /** What is muted follows each change the mixing core made; a change that leaves it as it was records nothing. */
    @CommandHandler
    void handle(RecordCallMute command) {
        boolean in = "in".equals(command.direction()) || "both".equals(command.direction());
        boolean out = "out".equals(command.direction()) || "both".equals(command.direction());
        boolean nextIn = in ? command.muted() : mutedIn;
        boolean nextOut = out ? command.muted() : mutedOut;
        if (status != CallStatus.HANGUP && (nextIn != mutedIn || nextOut != mutedOut)) {
            apply(new CallMuteChanged(callId, customerId, muteDirection(nextIn, nextOut), command.at()));
        }
    }

    private static String muteDirection(boolean in, boolean out) {
        return in && out ? "both" : in ? "in" : out ? "out" : "";
    }

    @CommandHandler
    void handle(RecordRecordingStarted command) {
        apply(new CallRecordingStarted(callId, customerId, command.recordingId(), command.format(),
                command.channels(), command.at()));
    }

    @CommandHandler
    void handle(RecordRecordingFinished command) {
        apply(new CallRecordingFinished(callId, customerId, command.recordingId(), command.durationMs(),
                command.file(), command.detail(), command.at()));
    }

    @EventSourcingHandler
    void on(CallEvent event) {
        if (event instanceof CallCreated e) {
            callId = e.callId();
            customerId = e.customerId();
            direction = e.direction();
            status = CallStatus.DIALING;
        } else if (event instanceof CallStatusChanged e) {
            status = e.status();
        } else if (event instanceof CallHungUp) {
            status = CallStatus.HANGUP;
        } else if (event instanceof CallMuteChanged e) {
            mutedIn = "in".equals(e.muteDirection()) || "both".equals(e.muteDirection());
            mutedOut = "out".equals(e.muteDirection()) || "both".equals(e.muteDirection());
        } else if (event instanceof CallControlRequested e && e.commandId() != null) {
            recentCommands.values().removeIf(at -> at.plus(COMMAND_ID_WINDOW).isBefore(e.at()));
            recentCommands.put(e.commandId(), e.at());
        }
    }

    CallStatus status() {
        return status;
    }

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Call() {
    }
}
