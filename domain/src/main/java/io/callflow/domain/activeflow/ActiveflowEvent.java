package io.callflow.domain.activeflow;

import io.callflow.domain.common.CustomerEvent;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** What happened to an activeflow. The interpreter decides in these, and the aggregate's state is folded from them. */
public sealed interface ActiveflowEvent extends CustomerEvent permits ActiveflowCreated, ActionStarted, ActionFinished,
        VariablesSet, StackPushed, StackPopped, Jumped, GotoCounted, ClockRead, TimerStarted, TimerFired, EffectRequested,
        EffectResponded, MediaRequested, MediaCompleted, MediaCancelled, DigitReceived, StaleInputIgnored, ActiveflowStopped, ActiveflowDeleted {
    ActiveflowId activeflowId();

    CustomerId customerId();

    Instant at();
}
