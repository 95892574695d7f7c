package io.callflow.engine.replay;

import io.callflow.domain.activeflow.ActiveflowEvent;
import java.util.List;

/**
 * One recorded input, what was decided on it then and what today's interpreter decides on it.
 *
 * @param index      the input's place among the activeflow's inputs, from 0
 * @param sequence   where the input is recorded (the creation's 0 for {@link InputKind#START})
 * @param from       the sequence number of {@code recorded}'s first event; a replayed event at position
 *                   {@code k} stands where the recorded event {@code from + k} stands
 * @param recorded   the events decided when it happened
 * @param replayed   the events the interpreter decides now, from the state the recorded history had then
 * @param divergence where the two first differ, null when they are equal
 */
public record ReplayStep(int index, InputKind input, long sequence, long from, List<ActiveflowEvent> recorded,
                         List<ActiveflowEvent> replayed, Divergence divergence) {

    public boolean equal() {
        return divergence == null;
    }
}
