package io.callflow.media.calls;

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

    CallSignals(LiveCall call, LiveCalls calls, MixingCore mixer, CallCommands commands) {
        this.call = call;
        this.calls = calls;
        this.mixer = mixer;
        this.commands = commands;
    }

    @Override
    public void ringing() {
        commands.progress(call, CallStatus.RINGING);
    }

    @Override
    public void answered() {
        if (call.sip() != null && call.sip().media() != null && call.flowOnAnswer() != null) {
            mixer.addLeg(call.legId(), call.sip().media());
        }
        commands.progress(call, CallStatus.PROGRESSING);
        if (call.flowOnAnswer() != null) {
            commands.send(call.flowOnAnswer());
        }
        call.markAnswered();
    }

    @Override
    public void ended(HangupCause cause, boolean byRemote, int sipStatus) {
        mixer.removeLeg(call.legId());
        calls.remove(call.callId());
        HangupCause requested = call.requestedCause();
        commands.ended(call, !byRemote && requested != null ? requested : cause, sipStatus);
    }

    @Override
    public void digit(char digit) {
        commands.digit(call, digit);
    }
}
