package io.callflow.query.simulate;

import io.callflow.engine.replay.Ending;
import io.callflow.engine.replay.PathDifference;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/flows/{id}/simulate}: the recorded activeflows run through other actions.
 *
 * @param flowVersion the saved version simulated, null for inline actions
 * @param simulated   how many activeflows were simulated
 * @param diverged    how many of them took another path
 * @param activeflows one per activeflow, in the order named (or newest first)
 */
public record SimulationResponse(UUID flowId, Integer flowVersion, int simulated, int diverged,
                                 List<Activeflow> activeflows) {

    /**
     * @param recordedPath     ids of the actions executed when it ran, in order
     * @param simulatedPath    ids of the actions the simulated run executes
     * @param firstDifference  the first step (from 1) where they differ, null when the paths are the same
     * @param recordedEnding   how it ended, or stands, in the recording
     * @param simulatedEnding  how it would have ended; {@code needs_input} with {@code needs_input} saying
     *                         which answer the recording lacks
     * @param inputsUsed       recorded answers, stops and deletes the simulation used
     * @param inputsRecorded   recorded answers, stops and deletes
     */
    public record Activeflow(UUID activeflowId, Integer recordedFlowVersion, boolean diverged,
                             List<UUID> recordedPath, List<UUID> simulatedPath, PathDifference firstDifference,
                             Ending recordedEnding, Ending simulatedEnding, int inputsUsed, int inputsRecorded) {
    }
}
