package io.callflow.engine.replay;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.TimerFired;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import io.callflow.engine.interpreter.Wait;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What-if: an activeflow's recorded inputs run through other actions (a new flow version). Pure like
 * {@link Replay}: nothing is sent anywhere, every answer comes from the recording.
 *
 * <p>Unlike a replay, the simulated run folds its <em>own</em> decisions, so a changed branch carries on down
 * the new path. The recorded inputs are handed over in the order they arrived: an answer (a timer firing,
 * a response the flow waited for) goes to the simulated run when it waits for the same kind of answer at
 * the same action; a stop or delete from outside goes as it is. When the simulated run waits for something
 * the recording never answered, it stops there and says so.
 */
public final class Simulation {
    private final Interpreter interpreter;

    public Simulation(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /**
     * @param history     every event of one activeflow in sequence order
     * @param actions     the actions to run instead of the recorded ones
     * @param flowVersion the version those actions are, null for actions that are no saved version
     */
    public SimulationReport simulate(List<ActiveflowEvent> history, List<Action> actions, Integer flowVersion) {
        List<RecordedInput> inputs = RecordedInput.split(history);
        ActiveflowCreated recordedStart = (ActiveflowCreated) history.get(0);
        ActiveflowCreated start = new ActiveflowCreated(recordedStart.activeflowId(), recordedStart.customerId(),
                recordedStart.flowId(), flowVersion, actions, recordedStart.referenceType(),
                recordedStart.referenceId(), recordedStart.referenceActiveflowId(), recordedStart.onCompleteFlowId(),
                recordedStart.completeCount(), recordedStart.variables(), recordedStart.at());

        Walk simulated = new Walk(ExecutionState.initial().evolve(start));
        simulated.apply(interpreter.start(simulated.state, start.at()));
        ExecutionState recorded = ExecutionState.initial().evolve(recordedStart);
        for (ActiveflowEvent event : history.subList(inputs.get(0).from(), inputs.get(0).to())) {
            recorded = recorded.evolve(event);
        }
        int used = 0;
        String needs = null;
        for (RecordedInput input : inputs.subList(1, inputs.size())) {
            if (simulated.state.ended()) {
                break;
            }
            ActiveflowEvent record = history.get(input.sequence());
            switch (input.kind()) {
                case TIMER_FIRED -> {
                    TimerFired timer = (TimerFired) record;
                    if (awaits(simulated.state, Wait.Kind.TIMER, timer.actionId())) {
                        simulated.apply(interpreter.timerFired(simulated.state, simulated.state.waiting().step(),
                                timer.actionId(), timer.at()));
                        used++;
                    } else if (simulated.state.waiting() != null) {
                        needs = needsInput(simulated.state.waiting());
                    }
                }
                case EFFECT_RESPONDED -> {
                    EffectResponded response = (EffectResponded) record;
                    boolean answered = recorded.waiting() != null && recorded.waiting().step() == response.step()
                            && recorded.waiting().actionId().equals(response.actionId());
                    if (!answered) {
                        break; // an async webhook's outcome: it decided nothing then and decides nothing now
                    }
                    Wait.Kind kind = recorded.waiting().kind();
                    if (awaits(simulated.state, kind, response.actionId())) {
                        simulated.apply(interpreter.effectResponded(simulated.state, simulated.state.waiting().step(),
                                response.actionId(), response.effect(), response.status(), response.body(),
                                response.error(), response.at()));
                        used++;
                    } else if (simulated.state.waiting() != null) {
                        needs = needsInput(simulated.state.waiting());
                    }
                }
                case STOP -> {
                    ActiveflowStopped stopped = (ActiveflowStopped) record;
                    simulated.apply(interpreter.stop(simulated.state, stopped.reason(), stopped.detail(),
                            stopped.at()));
                    used++;
                }
                case DELETE -> {
                    simulated.apply(interpreter.delete(simulated.state, record.at()));
                    used++;
                }
                case START, STALE_INPUT -> {
                    // a stale input decided nothing; START is the first input and was handed over above
                }
            }
            if (needs != null) {
                break;
            }
            for (ActiveflowEvent event : history.subList(input.from(), input.to())) {
                recorded = recorded.evolve(event);
            }
        }
        Wait left = simulated.state.waiting();
        if (needs == null && !simulated.state.ended() && left != null
                && !awaits(recorded, left.kind(), left.actionId())) {
            needs = needsInput(left); // the recording ended, or still waits for something else
        }
        List<UUID> recordedPath = path(history);
        List<UUID> simulatedPath = path(simulated.events);
        return new SimulationReport(recordedPath, simulatedPath, PathDifference.between(recordedPath, simulatedPath),
                Ending.of(recorded, stop(history), null), Ending.of(simulated.state, stop(simulated.events), needs),
                used, answersAndStops(inputs));
    }

    private static boolean awaits(ExecutionState state, Wait.Kind kind, UUID actionId) {
        Wait waiting = state.waiting();
        return !state.ended() && waiting != null && waiting.kind() == kind && waiting.actionId().equals(actionId);
    }

    private static String needsInput(Wait waiting) {
        return "needs input not recorded: " + waiting.kind().name().toLowerCase(Locale.ROOT) + " at step "
                + waiting.step();
    }

    private static List<UUID> path(List<ActiveflowEvent> events) {
        List<UUID> path = new ArrayList<>();
        for (ActiveflowEvent event : events) {
            if (event instanceof ActionStarted started) {
                path.add(started.action().id());
            }
        }
        return List.copyOf(path);
    }

    private static ActiveflowStopped stop(List<ActiveflowEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof ActiveflowStopped stopped) {
                return stopped;
            }
        }
        return null;
    }

    private static int answersAndStops(List<RecordedInput> inputs) {
        int count = 0;
        for (RecordedInput input : inputs) {
            if (input.kind() != InputKind.START && input.kind() != InputKind.STALE_INPUT) {
                count++;
            }
        }
        return count;
    }

    /** The simulated run so far: its state and every event it decided, the creation included. */
    private static final class Walk {
        private ExecutionState state;
        private final List<ActiveflowEvent> events = new ArrayList<>();

        Walk(ExecutionState created) {
            this.state = created;
        }

        void apply(List<ActiveflowEvent> decided) {
            for (ActiveflowEvent event : decided) {
                state = state.evolve(event);
                events.add(event);
            }
        }
    }
}
