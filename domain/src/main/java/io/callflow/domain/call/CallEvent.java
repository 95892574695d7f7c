package io.callflow.domain.call;

import io.callflow.domain.common.CustomerEvent;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** What happened to a call: every SIP transition, key press and recording is one of these. */
public sealed interface CallEvent extends CustomerEvent permits CallCreated, CallStatusChanged, CallHungUp,
        CallDigitReceived, CallRecordingStarted, CallRecordingFinished, CallControlRequested, CallMuteChanged {
    CallId callId();

    CustomerId customerId();

    Instant at();
}
