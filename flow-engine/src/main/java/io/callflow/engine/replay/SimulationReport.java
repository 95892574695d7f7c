package io.callflow.engine.replay;

import java.util.List;
import java.util.UUID;

/**
 * One activeflow's recorded inputs run through other actions.
 *
 * @param recordedPath    the ids of the actions executed when it ran, in order (one per step)
 * @param simulatedPath   the ids of the actions the other actions would have executed
 * @param firstDifference the first step where the two paths differ, null when they are the same
 * @param recorded        how the activeflow ended (or stands) in the recording
 * @param simulated       how it would have ended with the other actions
 * @param inputsUsed      recorded answers, stops and deletes handed to the simulated run
 * @param inputsRecorded  recorded answers, stops and deletes (async webhook outcomes included)
 */
public record SimulationReport(List<UUID> recordedPath, List<UUID> simulatedPath, PathDifference firstDifference,
                               Ending recorded, Ending simulated, int inputsUsed, int inputsRecorded) {

    public boolean diverged() {
        return firstDifference != null;
    }
}
