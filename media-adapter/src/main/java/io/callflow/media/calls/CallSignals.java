package io.callflow.media.calls;

import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.HangupCause;
import io.callflow.media.mixer.MixingCore;
import io.callflow.media.sip.CallListener;

/** Turns what the SIP edge saw on one call into commands, and lets go of the call's leg when it ends. */
final class CallSignals implements CallListener {
    private final LiveCall call;
    private final LiveCalls calls;
    private final MixingCore mixer;
    private final CallCommands commands;
    private final Connects connects;

    CallSignals(LiveCall call, LiveCalls calls, MixingCore mixer, CallCommands commands, Connects connects) {
        this.call = call;
        this.calls = calls;
        this.mixer = mixer;
        this.commands = commands;
        this.connects = connects;
    }

    @Override
    public void ringing() {
        if (call.direction() == CallDirection.INCOMING) {
            return; // created ringing
        }
        commands.progress(call, CallStatus.RINGING);
        // the call action's early_execution: the flow runs while it rings (media waits for the answer)
        if (call.earlyExecution() && call.flowOnAnswer() != null && call.startFlow()) {
            commands.send(call.flowOnAnswer());
        }
    }

    /** An outgoing call's leg joins the mixer when answered; then its flow starts, or, for a connect leg, its bridge. */
    @Override
    public void answered() {
        boolean outgoing = call.direction() == CallDirection.OUTGOING;
        if (outgoing && call.sip() != null && call.sip().media() != null) {
            mixer.addLeg(call.legId(), call.sip().media());
        }
        commands.progress(call, CallStatus.PROGRESSING);
        if (call.flowOnAnswer() != null && call.startFlow()) {
            commands.send(call.flowOnAnswer());
        }
        call.markAnswered();
        connects.answered(call);
    }

    @Override
    public void ended(HangupCause cause, boolean byRemote, int sipStatus) {
        mixer.removeLeg(call.legId());
        calls.remove(call.callId());
        HangupCause requested = call.requestedCause();
        HangupCause ending = !byRemote && requested != null ? requested : cause;
        commands.ended(call, ending, sipStatus);
        connects.legEnded(call, ending);
        connects.masterEnded(call);
    }

    @Override
    public void digit(char digit) {
        // recording_start's end_of_key: the key ends the recording (and is still a key press for the flow)
        call.recordingsEndedBy(digit).forEach(mixer::stopRecording);
        commands.digit(call, digit);
    }
}
