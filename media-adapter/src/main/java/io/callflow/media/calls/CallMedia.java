package io.callflow.media.calls;

import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.MediaCancelled;
import io.callflow.domain.activeflow.MediaRequested;
import io.callflow.domain.activeflow.RecordMediaOutcome;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.call.CallControlRequested;
import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.CallStatusChanged;
import io.callflow.domain.call.HangupReason;
import io.callflow.media.mixer.MixingCore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

/**
 * Performs what flows and the API ask of calls, on the calls this node terminates: the
 * side-effect handler of DESIGN "How a call flows". It never runs for a replay
 * ({@link DisallowReplay}), and each (activeflow, step) runs once, so a redelivered request
 * plays nothing twice. Outcomes go back to the activeflow as {@link RecordMediaOutcome}.
 */
@ProcessingGroup(CallMedia.GROUP)
@DisallowReplay
public class CallMedia implements AutoCloseable {
    public static final String GROUP = "media";

    private final LiveCalls calls;
    private final CallCommands commands;
    private final Dialer dialer;
    private final MediaOperations operations;
    private final Clock clock;
    private final ChainedCalls chained;

    public CallMedia(LiveCalls calls, MixingCore mixer, CommandGateway gateway, Dialer dialer, Connects connects,
                     Path recordings, Clock clock) {
        this.calls = calls;
        this.commands = new CallCommands(gateway, clock);
        this.dialer = dialer;
        this.operations = new MediaOperations(mixer, commands, connects, recordings, clock);
        this.clock = clock;
        this.chained = new ChainedCalls(commands);
    }

    @EventHandler
    void on(MediaRequested request) {
        if ("call".equals(request.operation())) {
            operations.newCalls(request, request.callId() == null ? null : calls.find(request.callId()).orElse(null));
            return;
        }
        LiveCall call = calls.find(request.callId()).orElse(null);
        if (call == null) {
            if (request.awaited()) {
                commands.send(new RecordMediaOutcome(request.activeflowId(), request.customerId(), request.step(),
                        request.actionId(), false, "the call is not up on this node", Map.of(), clock.instant()));
            }
            return;
        }
        if (!call.firstTime(request.step())) {
            return;
        }
        operations.perform(call, new MediaOrder(request.operation(), request.option(), request.step(),
                UUID.nameUUIDFromBytes((request.activeflowId() + "/media/" + request.step())
                        .getBytes(StandardCharsets.UTF_8)),
                (succeeded, detail, variables) -> {
                    if (request.awaited()) {
                        operations.report(() -> commands.outcome(call, request.step(), request.actionId(),
                                succeeded, detail, variables));
                    }
                }));
    }

    /** Direct control through the API: the same operations, outside the flow, reporting to nobody. */
    @EventHandler
    void on(CallControlRequested control) {
        calls.find(control.callId().value()).ifPresent(call -> operations.perform(call, new MediaOrder(
                control.operation(), control.option(), -control.at().toEpochMilli(),
                UUID.nameUUIDFromBytes((control.callId() + "/control/" + control.commandId() + "/" + control.at())
                        .getBytes(StandardCharsets.UTF_8)),
                (succeeded, detail, variables) -> { })));
    }

    @EventHandler
    void on(MediaCancelled cancelled) {
        calls.find(cancelled.callId()).ifPresent(call -> operations.cancel(call, cancelled.step()));
    }

    /** A local hangup (flow, API, activeflow end) reached the call: signal it. */
    @EventHandler
    void on(CallStatusChanged changed) {
        if (changed.status() != CallStatus.TERMINATING && changed.status() != CallStatus.CANCELING) {
            return;
        }
        calls.find(changed.callId().value()).ifPresent(call -> {
            HangupReason reason = changed.requestedReason() == null ? HangupReason.NORMAL : changed.requestedReason();
            call.requestHangup(reason.cause());
            if (call.sip() != null) {
                call.sip().hangup(reason.cause());
            }
        });
    }

    @EventHandler
    void on(CallHungUp hungUp) {
        operations.ended(hungUp);
        chained.hungUp(hungUp);
    }

    /** Reference 3.9: the flow ending, for any reason but the call's own hangup, hangs the call up. */
    @EventHandler
    void on(ActiveflowStopped stopped) {
        if (stopped.referenceType() != ReferenceType.CALL) {
            return;
        }
        calls.find(stopped.referenceId()).ifPresent(call -> {
            if (stopped.activeflowId().equals(call.activeflowId())) {
                call.markFlowEnded();
            }
            if (stopped.reason() != StopReason.CALL_HANGUP) {
                commands.hangup(call, HangupReason.NORMAL);
            }
        });
    }

    @EventHandler
    void on(CallCreated created) {
        chained.created(created);
        dialer.dial(created);
    }

    @Override
    public void close() {
        operations.close();
    }
}
