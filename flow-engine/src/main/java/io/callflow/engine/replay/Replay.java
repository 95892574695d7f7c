package io.callflow.engine.replay;

import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.DigitReceived;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.MediaCompleted;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.TimerFired;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Feeds an activeflow's recorded inputs through an interpreter (today's, or any other) and compares
 * each decision with the one recorded. Pure: the history comes in, a report goes out.
 *
 * <p>Each input is decided from the state folded from the <em>recorded</em> events before it, not from
 * the replayed ones, so one changed decision shows up once, at its own step, instead of shifting
 * everything after it. The walk folds every recorded event once and asks the interpreter once per
 * input: linear in the length of the history.
 */
public final class Replay {
    private static final String STALE_TIMER = "timer";
    private static final String STALE_MEDIA = "media";
    private static final String STALE_DIGIT = "digit";
    private static final String STALE_RESPONSE = "effect_response:";

    private final Interpreter interpreter;

    public Replay(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /**
     * @param history every event of one activeflow in sequence order, the event at index {@code n} being
     *                the one with sequence number {@code n}
     */
    public ReplayReport replay(List<ActiveflowEvent> history) {
        List<RecordedInput> inputs = RecordedInput.split(history);
        ExecutionState state = ExecutionState.initial().evolve(history.get(0));
        List<ReplayStep> steps = new ArrayList<>(inputs.size());
        Divergence first = null;
        for (int index = 0; index < inputs.size(); index++) {
            RecordedInput input = inputs.get(index);
            List<ActiveflowEvent> recorded = List.copyOf(history.subList(input.from(), input.to()));
            List<ActiveflowEvent> replayed = decide(input, history, state);
            Divergence divergence = compare(index, input, recorded, replayed);
            steps.add(new ReplayStep(index, input.kind(), input.sequence(), input.from(), recorded, replayed,
                    divergence));
            if (first == null) {
                first = divergence;
            }
            for (ActiveflowEvent event : recorded) {
                state = state.evolve(event);
            }
        }
        return new ReplayReport(history.size(), List.copyOf(steps), first);
    }

    /** Hands the input to the interpreter exactly as the Activeflow aggregate did when it arrived. */
    private List<ActiveflowEvent> decide(RecordedInput input, List<ActiveflowEvent> history, ExecutionState state) {
        ActiveflowEvent record = history.get(input.sequence());
        return switch (input.kind()) {
            case START -> interpreter.start(state, ((ActiveflowCreated) record).at());
            case TIMER_FIRED -> {
                TimerFired timer = (TimerFired) record;
                yield interpreter.timerFired(state, timer.step(), timer.actionId(), timer.at());
            }
            case EFFECT_RESPONDED -> {
                EffectResponded response = (EffectResponded) record;
                yield interpreter.effectResponded(state, response.step(), response.actionId(), response.effect(),
                        response.status(), response.body(), response.error(), response.at());
            }
            case MEDIA_COMPLETED -> {
                MediaCompleted media = (MediaCompleted) record;
                yield interpreter.mediaCompleted(state, media.step(), media.actionId(), media.succeeded(),
                        media.detail(), media.variables(), media.at());
            }
            case DIGIT -> {
                DigitReceived digit = (DigitReceived) record;
                yield interpreter.digitReceived(state, digit.digit(), digit.at());
            }
            case STALE_INPUT -> stale((StaleInputIgnored) record, state);
            case STOP, CALL_HANGUP -> {
                ActiveflowStopped stopped = (ActiveflowStopped) record;
                yield interpreter.stop(state, stopped.reason(), stopped.detail(), stopped.at());
            }
            case DELETE -> interpreter.delete(state, record.at());
        };
    }

    /**
     * A stale input is replayed as the input it was. Its record keeps no status or body (nothing was decided
     * on them), so a response is handed over without them: if today's interpreter found the input current,
     * that shows as a divergence at this step, which is what it is.
     */
    private List<ActiveflowEvent> stale(StaleInputIgnored stale, ExecutionState state) {
        if (STALE_TIMER.equals(stale.input())) {
            return interpreter.timerFired(state, stale.step(), stale.actionId(), stale.at());
        }
        if (stale.input().startsWith(STALE_RESPONSE)) {
            EffectKind effect = EffectKind.valueOf(stale.input().substring(STALE_RESPONSE.length())
                    .toUpperCase(Locale.ROOT));
            return interpreter.effectResponded(state, stale.step(), stale.actionId(), effect, 0, null, null,
                    stale.at());
        }
        if (STALE_MEDIA.equals(stale.input())) {
            return interpreter.mediaCompleted(state, stale.step(), stale.actionId(), true, null, null, stale.at());
        }
        if (STALE_DIGIT.equals(stale.input())) {
            // recorded only once the flow had ended, when no digit decides anything
            return interpreter.digitReceived(state, "", stale.at());
        }
        throw new IllegalArgumentException("a stale input of unknown kind '" + stale.input() + "' cannot be replayed");
    }

    private static Divergence compare(int index, RecordedInput input, List<ActiveflowEvent> recorded,
                                      List<ActiveflowEvent> replayed) {
        int length = Math.max(recorded.size(), replayed.size());
        for (int k = 0; k < length; k++) {
            ActiveflowEvent was = k < recorded.size() ? recorded.get(k) : null;
            ActiveflowEvent now = k < replayed.size() ? replayed.get(k) : null;
            if (was == null || now == null || !SameEvent.test(was, now)) {
                return new Divergence(index, input.kind(), (long) input.from() + k, was, now);
            }
        }
        return null;
    }
}
