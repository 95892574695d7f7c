package io.callflow.engine.replay;

import java.util.List;

/**
 * A replay of one activeflow's recorded inputs.
 *
 * @param events          how many recorded events the history has
 * @param steps           one per input, in the order they happened
 * @param firstDivergence the earliest difference in the history, null when every decision is the same
 */
public record ReplayReport(int events, List<ReplayStep> steps, Divergence firstDivergence) {

    public boolean diverged() {
        return firstDivergence != null;
    }
}
