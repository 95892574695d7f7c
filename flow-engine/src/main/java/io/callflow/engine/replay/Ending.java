package io.callflow.engine.replay;

import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Wait;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a run ended, or where it stands when it has not.
 *
 * @param status          {@code ended}; {@code running} (waiting for an answer, or for a stop); or, for a
 *                        simulation only, {@code needs_input} when it waits for an answer the recording lacks
 * @param stopReason      why it ended, null while running
 * @param stopDetail      the stop's detail, if any
 * @param needsInput      for {@code needs_input}: "needs input not recorded: &lt;kind&gt; at step N"
 * @param currentActionId the action executed last, null before the first
 * @param steps           executions so far
 * @param waiting         what it waits for, null when nothing
 * @param variables       its variables, sorted by name
 */
public record Ending(String status, StopReason stopReason, String stopDetail, String needsInput,
                     UUID currentActionId, long steps, Wait waiting, Map<String, String> variables) {

    static Ending of(ExecutionState state, ActiveflowStopped stop, String needsInput) {
        String status = state.ended() ? "ended" : needsInput != null ? "needs_input" : "running";
        boolean stopped = state.ended() && stop != null;
        return new Ending(status, stopped ? stop.reason() : null, stopped ? stop.detail() : null, needsInput,
                state.currentAction() == null ? null : state.currentAction().id(), state.step(), state.waiting(),
                Collections.unmodifiableMap(new TreeMap<>(state.variables())));
    }
}
