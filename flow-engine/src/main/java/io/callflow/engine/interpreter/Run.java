package io.callflow.engine.interpreter;

import io.callflow.domain.activeflow.ActiveflowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One decision in progress: the state so far and the events decided, each already folded into the state. */
final class Run {
    private ExecutionState state;
    private final Instant now;
    private final List<ActiveflowEvent> events = new ArrayList<>();

    Run(ExecutionState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    void emit(ActiveflowEvent event) {
        state = state.evolve(event);
        events.add(event);
    }

    ExecutionState state() {
        return state;
    }

    Instant now() {
        return now;
    }

    List<ActiveflowEvent> events() {
        return List.copyOf(events);
    }
}
