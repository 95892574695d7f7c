package io.callflow.engine.replay;

import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.DigitReceived;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.MediaCompleted;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.TimerFired;
import java.util.ArrayList;
import java.util.List;

/**
 * One input found in a recorded history and the events decided on it: {@code [from, to)} in the history.
 *
 * @param sequence where the input is recorded: the creation for {@link InputKind#START}, else the first
 *                 event the interpreter decided on it (the interpreter records timer firings, responses and
 *                 stale inputs as the first event of their own decision)
 * @param from     the first event of the decision
 * @param to       one past the last event of the decision: the next input's start, or the end of the history
 */
record RecordedInput(InputKind kind, int sequence, int from, int to) {

    /**
     * Splits a history at its inputs. Every event after the creation belongs to exactly one input: the
     * interpreter writes the record of an input first, and a decision never contains another input.
     */
    static List<RecordedInput> split(List<ActiveflowEvent> history) {
        if (history.isEmpty() || !(history.get(0) instanceof ActiveflowCreated)) {
            throw new IllegalArgumentException("an activeflow's history starts with ActiveflowCreated");
        }
        List<RecordedInput> inputs = new ArrayList<>();
        InputKind kind = InputKind.START;
        int sequence = 0;
        int from = 1;
        for (int i = 1; i < history.size(); i++) {
            InputKind next = startedBy(history.get(i), history.get(i - 1));
            if (next != null) {
                inputs.add(new RecordedInput(kind, sequence, from, i));
                kind = next;
                sequence = i;
                from = i;
            }
        }
        inputs.add(new RecordedInput(kind, sequence, from, history.size()));
        return inputs;
    }

    /** The input {@code event} is the first record of, or null when it belongs to the decision before it. */
    private static InputKind startedBy(ActiveflowEvent event, ActiveflowEvent previous) {
        if (event instanceof TimerFired) {
            return InputKind.TIMER_FIRED;
        }
        if (event instanceof EffectResponded) {
            return InputKind.EFFECT_RESPONDED;
        }
        if (event instanceof MediaCompleted) {
            return InputKind.MEDIA_COMPLETED;
        }
        if (event instanceof DigitReceived) {
            return InputKind.DIGIT;
        }
        if (event instanceof StaleInputIgnored) {
            return InputKind.STALE_INPUT;
        }
        if (event instanceof ActiveflowStopped stopped) {
            // only a stop or delete from outside ends a flow for these reasons; the interpreter's own ends have others
            return switch (stopped.reason()) {
                case STOPPED -> InputKind.STOP;
                case DELETED -> InputKind.DELETE;
                case CALL_HANGUP -> InputKind.CALL_HANGUP;
                default -> null;
            };
        }
        if (event instanceof ActiveflowDeleted) {
            boolean stoppedByTheSameDelete = previous instanceof ActiveflowStopped stopped
                    && stopped.reason() == StopReason.DELETED;
            return stoppedByTheSameDelete ? null : InputKind.DELETE;
        }
        if (event instanceof ActiveflowCreated) {
            throw new IllegalArgumentException("a history has one ActiveflowCreated, at its start");
        }
        return null;
    }
}
