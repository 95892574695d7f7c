package io.callflow.engine.replay;

import java.util.List;
import java.util.UUID;

/**
 * The first step at which two paths through a flow execute different actions.
 *
 * @param step              the execution number, from 1 (the first action executed)
 * @param recordedActionId  the action the recording executed there, null when it had stopped before
 * @param simulatedActionId the action the simulation executed there, null when it had stopped before
 */
public record PathDifference(long step, UUID recordedActionId, UUID simulatedActionId) {

    /** The first difference, null when both paths are the same actions in the same order. */
    static PathDifference between(List<UUID> recorded, List<UUID> simulated) {
        int length = Math.max(recorded.size(), simulated.size());
        for (int i = 0; i < length; i++) {
            UUID was = i < recorded.size() ? recorded.get(i) : null;
            UUID now = i < simulated.size() ? simulated.get(i) : null;
            if (was == null || !was.equals(now)) {
                return new PathDifference(i + 1L, was, now);
            }
        }
        return null;
    }
}
