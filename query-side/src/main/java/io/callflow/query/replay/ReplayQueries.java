package io.callflow.query.replay;

import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.CustomerId;
import io.callflow.engine.interpreter.Interpreter;
import io.callflow.engine.replay.ActiveflowState;
import io.callflow.engine.replay.Divergence;
import io.callflow.engine.replay.Replay;
import io.callflow.engine.replay.ReplayReport;
import io.callflow.engine.replay.ReplayStep;
import io.callflow.engine.replay.StateAt;
import io.callflow.query.timeline.EventTypes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Time travel and replay over an activeflow's stored history, with the interpreter the platform runs today. */
@Service
public class ReplayQueries {
    private final ActiveflowHistory history;
    private final Replay replay;

    public ReplayQueries(ActiveflowHistory history, Interpreter interpreter) {
        this.history = history;
        this.replay = new Replay(interpreter);
    }

    /** @param atSequence the last event to fold in; null for the latest */
    public ActiveflowState stateAt(CustomerId customer, ActiveflowId id, Long atSequence) {
        List<ActiveflowEvent> events = history.events(customer, id.value());
        long last = events.size() - 1;
        long sequence = atSequence == null ? last : atSequence;
        if (sequence > last) {
            throw new BadRequest("/at_sequence", "must be between 0 and " + last + ", the sequence of this activeflow's"
                    + " last event");
        }
        return StateAt.of(events, sequence);
    }

    /** @param omitEqual leave out the steps whose replayed events equal the recorded ones */
    public ReplayResponse replay(CustomerId customer, ActiveflowId id, boolean omitEqual) {
        ReplayReport report = replay.replay(history.events(customer, id.value()));
        List<ReplayResponse.Step> steps = new ArrayList<>(report.steps().size());
        for (ReplayStep step : report.steps()) {
            if (omitEqual && step.equal()) {
                continue;
            }
            steps.add(new ReplayResponse.Step(step.index(), step.input(), step.sequence(), step.equal(),
                    shown(step.from(), step.recorded()), shown(step.from(), step.replayed())));
        }
        return new ReplayResponse(id.value(), report.events(), report.steps().size(), report.diverged(),
                divergence(report.firstDivergence()), steps);
    }

    private static ReplayResponse.Divergence divergence(Divergence d) {
        if (d == null) {
            return null;
        }
        return new ReplayResponse.Divergence(d.inputIndex(), d.input(), d.sequence(), shown(d.sequence(), d.recorded()),
                shown(d.sequence(), d.replayed()));
    }

    private static List<ReplayResponse.DecidedEvent> shown(long from, List<ActiveflowEvent> events) {
        List<ReplayResponse.DecidedEvent> shown = new ArrayList<>(events.size());
        for (int k = 0; k < events.size(); k++) {
            shown.add(shown(from + k, events.get(k)));
        }
        return shown;
    }

    private static ReplayResponse.DecidedEvent shown(long sequence, ActiveflowEvent event) {
        return event == null ? null : new ReplayResponse.DecidedEvent(sequence,
                EventTypes.of(event.getClass().getName()), event);
    }
}
