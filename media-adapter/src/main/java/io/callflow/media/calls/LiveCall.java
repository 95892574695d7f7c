package io.callflow.media.calls;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.call.Address;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.common.CustomerId;
import io.callflow.media.sip.SipCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A call this node terminates: its SIP dialog, its leg in the mixing core (named by the call
 * id), and what media operations are under way. Lives from admission or dial until the call ends.
 */
final class LiveCall {
    private final CallId callId;
    private final CustomerId customerId;
    private final ActiveflowId activeflowId;
    private final CallDirection direction;
    private final StartActiveflow flowOnAnswer;
    private final Set<Long> performedSteps = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> playbacks = new ConcurrentHashMap<>();
    private final Map<UUID, String> recordings = new ConcurrentHashMap<>();
    /** The recordings a key press ends ({@code end_of_key}): the mixer's recording handle and its keys. */
    private final Map<String, String> recordingEndKeys = new ConcurrentHashMap<>();
    private final List<Runnable> onAnswer = new ArrayList<>();
    private volatile SipCall sip;
    private volatile HangupCause requestedCause;
    private volatile boolean hangupSent;
    private volatile boolean flowEnded;
    private volatile boolean callerWithheld;
    private volatile Address source;
    private volatile boolean earlyExecution;
    private final java.util.concurrent.atomic.AtomicBoolean flowStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean answered;

    LiveCall(CallId callId, CustomerId customerId, ActiveflowId activeflowId, CallDirection direction,
             StartActiveflow flowOnAnswer) {
        this.callId = callId;
        this.customerId = customerId;
        this.activeflowId = activeflowId;
        this.direction = direction;
        this.flowOnAnswer = flowOnAnswer;
    }

    CallId callId() {
        return callId;
    }

    String legId() {
        return callId.toString();
    }

    CustomerId customerId() {
        return customerId;
    }

    ActiveflowId activeflowId() {
        return activeflowId;
    }

    CallDirection direction() {
        return direction;
    }

    /** For an outgoing call: the activeflow to start once it is answered. */
    StartActiveflow flowOnAnswer() {
        return flowOnAnswer;
    }

    SipCall sip() {
        return sip;
    }

    void attach(SipCall call) {
        this.sip = call;
    }

    /** True the first time a media request of this step is seen: each runs once. */
    boolean firstTime(long step) {
        return performedSteps.add(step);
    }

    Map<Long, String> playbacks() {
        return playbacks;
    }

    Map<UUID, String> recordings() {
        return recordings;
    }

    /** Ends the recording {@code handle} when the caller presses one of {@code keys}. */
    void endRecordingOnKey(String handle, String keys) {
        recordingEndKeys.put(handle, keys);
    }

    /** The recordings that a press of {@code key} ends; they are forgotten here. */
    List<String> recordingsEndedBy(char key) {
        List<String> ended = new ArrayList<>();
        recordingEndKeys.forEach((handle, keys) -> {
            if (keys.indexOf(key) >= 0 && recordingEndKeys.remove(handle, keys)) {
                ended.add(handle);
            }
        });
        return ended;
    }

    void recordingEnded(String handle) {
        if (handle != null) {
            recordingEndKeys.remove(handle);
        }
    }

    /** The cause a local hangup asked for, which the final report carries instead of what SIP saw. */
    HangupCause requestedCause() {
        return requestedCause;
    }

    void requestHangup(HangupCause cause) {
        this.requestedCause = cause;
    }

    /** A local hangup was accepted by the call or has reached it: asking again would change nothing. */
    boolean isHangingUp() {
        return hangupSent || requestedCause != null;
    }

    void hangupSent() {
        this.hangupSent = true;
    }

    /** Its activeflow ended: a flow that ended cannot be stopped for the call's hangup. */
    boolean flowEnded() {
        return flowEnded;
    }

    void markFlowEnded() {
        this.flowEnded = true;
    }

    /** For an outgoing call: its flow starts when it rings ({@code early_execution}), not when it is answered. */
    boolean earlyExecution() {
        return earlyExecution;
    }

    void earlyExecution(boolean early) {
        this.earlyExecution = early;
    }

    /** True the first time: an outgoing call's flow is started once, at ringing or at the answer. */
    boolean startFlow() {
        return flowStarted.compareAndSet(false, true);
    }

    /** Whether an outgoing call's flow was started (an incoming call's runs from admission). */
    boolean flowStarted() {
        return flowStarted.get();
    }

    /** Who calls on this call: the caller of an incoming call, our source of an outgoing one. */
    Address source() {
        return source;
    }

    void source(Address address) {
        this.source = address;
    }

    /** Whether this call's caller id is withheld: the caller hid it, or we dialed it anonymous. */
    boolean callerWithheld() {
        return callerWithheld;
    }

    void callerWithheld(boolean withheld) {
        this.callerWithheld = withheld;
    }

    /** Runs {@code action} once the call is answered (at once if it already is). */
    void whenAnswered(Runnable action) {
        synchronized (onAnswer) {
            if (!answered) {
                onAnswer.add(action);
                return;
            }
        }
        action.run();
    }

    void markAnswered() {
        List<Runnable> waiting;
        synchronized (onAnswer) {
            answered = true;
            waiting = List.copyOf(onAnswer);
            onAnswer.clear();
        }
        waiting.forEach(Runnable::run);
    }

    boolean isAnswered() {
        synchronized (onAnswer) {
            return answered;
        }
    }
}
