package io.callflow.engine.replay;

import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.engine.interpreter.ExecutionState;
import java.util.List;

/** Time travel: an activeflow's state as of one of its events, folded by the same {@code evolve} the aggregate uses. */
public final class StateAt {
    private StateAt() {
    }

    /**
     * @param history  every event of one activeflow in sequence order (index {@code n} is sequence {@code n})
     * @param sequence the last event to fold in, from 0 (the creation) to the last event
     */
    public static ActiveflowState of(List<ActiveflowEvent> history, long sequence) {
        if (history.isEmpty() || !(history.get(0) instanceof ActiveflowCreated)) {
            throw new IllegalArgumentException("an activeflow's history starts with ActiveflowCreated");
        }
        if (sequence < 0 || sequence >= history.size()) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside 0.." + (history.size() - 1));
        }
        int last = (int) sequence;
        ExecutionState state = ExecutionState.initial();
        for (int i = 0; i <= last; i++) {
            state = state.evolve(history.get(i));
        }
        return ActiveflowState.of(state, sequence, history.get(last).at());
    }
}
