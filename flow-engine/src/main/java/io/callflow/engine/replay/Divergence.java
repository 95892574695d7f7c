package io.callflow.engine.replay;

import io.callflow.domain.activeflow.ActiveflowEvent;

/**
 * Where a replayed decision first differs from the recorded one.
 *
 * @param inputIndex the input whose decision differs, counted from 0 in the order of the history
 * @param sequence   the sequence number of the first recorded event that differs; when the replay decided more
 *                   events than were recorded, the sequence the first extra event would have had
 * @param recorded   the recorded event at that position, null when the replay decided more
 * @param replayed   the replayed event at that position, null when the replay decided fewer
 */
public record Divergence(int inputIndex, InputKind input, long sequence, ActiveflowEvent recorded,
                         ActiveflowEvent replayed) {
}
