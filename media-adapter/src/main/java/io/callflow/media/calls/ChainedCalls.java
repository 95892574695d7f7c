package io.callflow.media.calls;

import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.HangupReason;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reference 3.9 and 6.3 (finalization, step 4): when a call hangs up, every call chained to it
 * (a {@code connect} leg, a {@code call} action's call with {@code chained: true}) hangs up with
 * reason {@code normal}; a chained call hanging up leaves its master alone. Kept for the calls of
 * this node, from their {@link CallCreated} until their master ends.
 */
final class ChainedCalls {
    private final CallCommands commands;
    private final Map<CallId, Set<CallId>> byMaster = new ConcurrentHashMap<>();
    private final Set<CallId> endedMasters = ConcurrentHashMap.newKeySet();

    ChainedCalls(CallCommands commands) {
        this.commands = commands;
    }

    void created(CallCreated created) {
        if (created.masterCallId() == null) {
            return;
        }
        byMaster.computeIfAbsent(created.masterCallId(), master -> ConcurrentHashMap.newKeySet()).add(created.callId());
        if (endedMasters.contains(created.masterCallId())) {
            // the master ended before its chained call was created: it goes too
            hangUpChainedTo(created.masterCallId());
        }
    }

    void hungUp(CallHungUp hungUp) {
        byMaster.values().forEach(chained -> chained.remove(hungUp.callId()));
        endedMasters.add(hungUp.callId());
        if (endedMasters.size() > 10_000) {
            endedMasters.clear();
        }
        hangUpChainedTo(hungUp.callId());
    }

    private void hangUpChainedTo(CallId master) {
        Set<CallId> chained = byMaster.remove(master);
        if (chained != null) {
            chained.forEach(call -> commands.hangup(call, HangupReason.NORMAL));
        }
    }
}
