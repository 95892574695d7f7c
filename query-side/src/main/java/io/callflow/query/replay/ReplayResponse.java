package io.callflow.query.replay;

import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.engine.replay.InputKind;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/activeflows/{id}/replay}: each recorded input fed through today's interpreter.
 *
 * @param events          recorded events in the activeflow's history
 * @param inputs          recorded inputs found in it (the creation, timer firings, responses, stale inputs,
 *                        stops and deletes from outside)
 * @param diverged        whether any replayed decision differs from the recorded one
 * @param firstDivergence the earliest difference, null when there is none
 * @param steps           one per input, in the order they happened; with {@code omit_equal=true} only those
 *                        whose replayed events differ from the recorded ones
 */
public record ReplayResponse(
        UUID activeflowId,
        int events,
        int inputs,
        boolean diverged,
        Divergence firstDivergence,
        List<Step> steps) {

    /**
     * @param sequence where the input is recorded (0, the creation, for {@code start})
     * @param recorded the events decided when the input arrived
     * @param replayed the events today's interpreter decides on it, each with the sequence number it would have
     */
    public record Step(int index, InputKind input, long sequence, boolean equal, List<DecidedEvent> recorded,
                       List<DecidedEvent> replayed) {
    }

    /**
     * @param sequence the first recorded event that differs; when the replay decided more events than were
     *                 recorded, the sequence number the first extra one would have had
     * @param recorded the recorded event there, null when the replay decided more
     * @param replayed the replayed event there, null when the replay decided fewer
     */
    public record Divergence(int inputIndex, InputKind input, long sequence, DecidedEvent recorded,
                             DecidedEvent replayed) {
    }

    /**
     * An event as the timeline names and shows it: {@code event_type} such as {@code action_started}, and its payload,
     * written straight from the record by the platform's one mapper (as it is stored), with no tree in between.
     */
    public record DecidedEvent(long sequence, String eventType, ActiveflowEvent payload) {
    }
}
