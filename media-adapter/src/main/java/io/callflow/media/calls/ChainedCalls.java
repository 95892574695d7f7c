package io.callflow.media.calls;

import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.HangupReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference 3.9 and 6.3 (finalization, step 4): when a call hangs up, every call chained to it
 * (a {@code connect} leg, a {@code call} action's call with {@code chained: true}) hangs up with
 * reason {@code normal}; a chained call hanging up leaves its master alone. Kept for the calls whose
 * events reach this node's {@code media} processor, from their {@link CallCreated} until their master ends.
 */
final class ChainedCalls {
    private final CallCommands commands;
    private final Map<CallId, Set<CallId>> byMaster = new ConcurrentHashMap<>();
    /** The calls that ended lately, oldest forgotten first: a call chained to one of them is hung up when created. */
    private final Set<CallId> endedMasters = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CallId, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    ChainedCalls(CallCommands commands) {
        this.commands = commands;
    }

    void created(CallCreated created) {
        if (created.masterCallId() == null) {
            return;
        }
        // added atomically, so a hangup of the master removing the set cannot lose it; the master is marked
        // ended before its set is removed, so either that removal or the check below hangs the call up
        byMaster.compute(created.masterCallId(), (master, chained) -> {
            Set<CallId> calls = chained == null ? ConcurrentHashMap.newKeySet() : chained;
            calls.add(created.callId());
            return calls;
        });
        if (endedMasters.contains(created.masterCallId())) {
            // the master ended before its chained call was created: it goes too
            hangUpChainedTo(created.masterCallId());
        }
    }

    void hungUp(CallHungUp hungUp) {
        byMaster.values().forEach(chained -> chained.remove(hungUp.callId()));
        endedMasters.add(hungUp.callId());
        hangUpChainedTo(hungUp.callId());
    }

    private void hangUpChainedTo(CallId master) {
        Set<CallId> chained = byMaster.remove(master);
        if (chained != null) {
            chained.forEach(call -> commands.hangup(call, HangupReason.NORMAL));
        }
    }
}
