package io.callflow.media.calls;

import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.call.HangupReason;
import io.callflow.media.mixer.MixingCore;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The {@code connect} action (reference 7.3 with the D3 fix): the caller waits hearing
 * ringback while every destination rings; the first to answer is bridged with it and the
 * others are hung up. The action ends when the bridge ends, or, when no destination answers,
 * as soon as the last one fails: the caller's flow goes on, with {@code voipbin.connect.result}
 * (answered, busy, noanswer, failed) and {@code voipbin.connect.hangup_reason}.
 */
public final class Connects {
    static final String RESULT = "voipbin.connect.result";
    static final String REASON = "voipbin.connect.hangup_reason";

    private final MixingCore mixer;
    private final CallCommands commands;
    private final Map<CallId, Attempt> byLeg = new ConcurrentHashMap<>();
    private final Map<CallId, Attempt> byMaster = new ConcurrentHashMap<>();

    public Connects(MixingCore mixer, CommandGateway gateway, Clock clock) {
        this.mixer = mixer;
        this.commands = new CallCommands(gateway, clock);
    }

    /** One connect of one caller. Guarded by itself. */
    static final class Attempt {
        private final LiveCall master;
        private final MediaOrder order;
        private final String room;
        private final boolean relayReason;
        private final Set<CallId> ringing = new HashSet<>();
        private String ringback;
        private LiveCall bridged;
        private HangupCause firstFailure;
        private boolean over;

        private Attempt(LiveCall master, MediaOrder order, String room, boolean relayReason) {
            this.master = master;
            this.order = order;
            this.room = room;
            this.relayReason = relayReason;
        }
    }

    Attempt start(LiveCall master, MediaOrder order, boolean relayReason, String ringback) {
        Attempt attempt = new Attempt(master, order, "connect-" + order.id(), relayReason);
        mixer.createRoom(attempt.room);
        attempt.ringback = ringback;
        byMaster.put(master.callId(), attempt);
        return attempt;
    }

    void ringing(Attempt attempt, CallId leg) {
        synchronized (attempt) {
            attempt.ringing.add(leg);
        }
        byLeg.put(leg, attempt);
    }

    boolean isLeg(CallId call) {
        return byLeg.containsKey(call);
    }

    /** No leg could even be created. */
    void nothingToDial(Attempt attempt) {
        synchronized (attempt) {
            if (attempt.ringing.isEmpty()) {
                end(attempt, false, "failed", HangupCause.FAILED);
            }
        }
    }

    /** A leg answered: the first is bridged with the caller, any later one is hung up. */
    void answered(LiveCall leg) {
        Attempt attempt = byLeg.get(leg.callId());
        if (attempt == null) {
            return;
        }
        Set<CallId> others;
        synchronized (attempt) {
            attempt.ringing.remove(leg.callId());
            if (attempt.over || attempt.bridged != null) {
                commands.hangup(leg.callId(), HangupReason.NORMAL);
                return;
            }
            attempt.bridged = leg;
            others = Set.copyOf(attempt.ringing);
            attempt.ringing.clear();
        }
        mixer.stopPlayback(attempt.ringback);
        mixer.joinRoom(attempt.master.legId(), attempt.room);
        mixer.joinRoom(leg.legId(), attempt.room);
        others.forEach(other -> commands.hangup(other, HangupReason.NORMAL));
    }

    /** A leg ended: the bridge is over, or, if nobody answered and none rings any more, the connect failed. */
    void legEnded(LiveCall leg, HangupCause cause) {
        Attempt attempt = byLeg.remove(leg.callId());
        if (attempt == null) {
            return;
        }
        synchronized (attempt) {
            attempt.ringing.remove(leg.callId());
            if (attempt.over) {
                return;
            }
            if (attempt.bridged == leg) {
                mixer.leaveRoom(attempt.master.legId());
                end(attempt, true, "answered", HangupCause.NORMAL_CLEARING);
                return;
            }
            if (attempt.firstFailure == null) {
                attempt.firstFailure = cause;
            }
            if (attempt.bridged == null && attempt.ringing.isEmpty()) {
                mixer.stopPlayback(attempt.ringback);
                end(attempt, false, result(attempt.firstFailure), attempt.firstFailure);
            }
        }
    }

    /**
     * The caller hung up: the attempt is over and its room goes. Its legs are chained calls, which
     * {@link ChainedCalls} hangs up with the caller (reference 3.9), as it does every chained call.
     */
    void masterEnded(LiveCall master) {
        Attempt attempt = byMaster.remove(master.callId());
        if (attempt == null) {
            return;
        }
        synchronized (attempt) {
            attempt.over = true;
        }
        mixer.deleteRoom(attempt.room);
    }

    private void end(Attempt attempt, boolean answered, String result, HangupCause cause) {
        attempt.over = true;
        byMaster.remove(attempt.master.callId());
        mixer.deleteRoom(attempt.room);
        HangupReason reason = HangupReason.of(CallDirection.OUTGOING,
                answered ? CallStatus.PROGRESSING : CallStatus.RINGING, cause);
        attempt.order.done().report(answered, answered ? null : "no destination answered: " + result,
                Map.of(RESULT, result, REASON, reason.wireName()));
        if (attempt.relayReason) {
            commands.hangup(attempt.master.callId(), reason);
        }
    }

    private static String result(HangupCause cause) {
        return switch (cause) {
            case USER_BUSY -> "busy";
            case NO_ANSWER, CALL_REJECTED, DIAL_TIMEOUT -> "noanswer";
            default -> "failed";
        };
    }
}
