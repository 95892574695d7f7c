package io.callflow.command.activeflow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowResource;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.DeleteActiveflow;
import io.callflow.domain.activeflow.RecordDigit;
import io.callflow.domain.activeflow.RecordEffectResponse;
import io.callflow.domain.activeflow.RecordMediaOutcome;
import io.callflow.domain.activeflow.StopActiveflow;
import io.callflow.domain.activeflow.StopActiveflowForCall;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.StopShown;
import io.callflow.domain.activeflow.TimerFired;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Timestamps;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import io.callflow.engine.interpreter.Wait;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An activeflow: one execution of a flow. Every command hands an input to the
 * {@link Interpreter}, applies the events it decides, and arms or cancels the
 * persisted timer those events ask for. State is only ever folded from events.
 */
@Aggregate(cache = "activeflowCache")
public class Activeflow {
    @AggregateIdentifier
    private ActiveflowId activeflowId;
    private ExecutionState state = ExecutionState.initial();
    private final List<Action> executedActions = new ArrayList<>();
    private ActiveflowId referenceActiveflowId;
    private Instant created;
    private Instant updated;
    private Instant ended;
    private Instant deleted;
    private StopShown stop;

    /**
     * Creates the activeflow and runs it until it waits or ends. Axon applies events
     * raised in a constructor only once the aggregate exists, so the interpreter
     * starts from the created state folded here rather than from {@code state}.
     */
    Activeflow(ActiveflowCreated created, Interpreter interpreter, DeadlineManager deadlines) {
        // the timer's scope names this aggregate by its id, which must be known before the delayed events apply
        activeflowId = created.activeflowId();
        apply(created);
        decide(interpreter.start(ExecutionState.initial().evolve(created), created.at()), deadlines);
    }

    @CommandHandler
    public ActiveflowResource handle(StopActiveflow command, Interpreter interpreter, DeadlineManager deadlines) {
        requireVisibleTo(command.customerId());
        decide(interpreter.stop(state, StopReason.STOPPED, "stopped through the API", command.at()), deadlines);
        return resource();
    }

    @CommandHandler
    public ActiveflowResource handle(DeleteActiveflow command, Interpreter interpreter, DeadlineManager deadlines) {
        requireVisibleTo(command.customerId());
        decide(interpreter.delete(state, command.at()), deadlines);
        return resource();
    }

    @CommandHandler
    public void handle(RecordEffectResponse command, Interpreter interpreter, DeadlineManager deadlines) {
        if (!state.customerId().equals(command.customerId())) {
            throw new NotFound("activeflow " + activeflowId);
        }
        decide(interpreter.effectResponded(state, command.step(), command.actionId(), command.effect(),
                command.status(), command.body(), command.error(), command.at()), deadlines);
    }

    @CommandHandler
    public void handle(RecordMediaOutcome command, Interpreter interpreter, DeadlineManager deadlines) {
        decide(interpreter.mediaCompleted(state, command.step(), command.actionId(), command.succeeded(),
                command.detail(), command.variables(), command.at()), deadlines);
    }

    @CommandHandler
    public void handle(RecordDigit command, Interpreter interpreter, DeadlineManager deadlines) {
        decide(interpreter.digitReceived(state, command.digit(), command.at()), deadlines);
    }

    @CommandHandler
    public void handle(StopActiveflowForCall command, Interpreter interpreter, DeadlineManager deadlines) {
        decide(interpreter.stop(state, StopReason.CALL_HANGUP, command.detail(), command.at()), deadlines);
    }

    @DeadlineHandler(deadlineName = TimerDue.DEADLINE)
    void on(TimerDue due, Interpreter interpreter, DeadlineManager deadlines, Clock clock) {
        decide(interpreter.timerFired(state, due.step(), due.actionId(), clock.instant()), deadlines);
    }

    ExecutionState state() {
        return state;
    }

    public ActiveflowResource resource() {
        return new ActiveflowResource(activeflowId.value(), state.customerId().value(),
                state.flowId() == null ? null : state.flowId().value(), state.flowVersion(),
                state.ended() ? "ended" : "running", state.referenceType().name().toLowerCase(),
                state.referenceId(), referenceActiveflowId == null ? null : referenceActiveflowId.value(),
                state.onCompleteFlowId() == null ? null : state.onCompleteFlowId().value(),
                state.currentAction(), state.forward() == null ? null : state.forward().actionId(),
                List.copyOf(executedActions), state.variables(), state.executions(),
                stop == null ? null : stop.reason(), stop == null ? null : stop.detail(),
                Timestamps.format(created), Timestamps.format(updated), Timestamps.format(ended),
                Timestamps.format(deleted));
    }

    /** Applies the decided events; arms timers they start and cancels a pending one its wait no longer needs. */
    private void decide(List<ActiveflowEvent> events, DeadlineManager deadlines) {
        Wait waiting = state.waiting();
        boolean timerPending = waiting != null && waiting.kind().timed();
        for (ActiveflowEvent event : events) {
            apply(event);
            if (event instanceof TimerStarted timer) {
                deadlines.schedule(timer.dueAt(), TimerDue.DEADLINE, new TimerDue(timer.step(), timer.actionId()));
            } else if (event instanceof TimerFired) {
                timerPending = false;
            } else if (timerPending && (event instanceof ActiveflowStopped
                    || event instanceof ActionFinished finished && finished.step() == waiting.step())) {
                deadlines.cancelAllWithinScope(TimerDue.DEADLINE);
                timerPending = false;
            }
        }
    }

    private void requireVisibleTo(CustomerId caller) {
        if (deleted != null || !state.customerId().equals(caller)) {
            throw new NotFound("activeflow " + activeflowId);
        }
    }

    @EventSourcingHandler
    void on(ActiveflowEvent event) {
        state = state.evolve(event);
        updated = event.at();
        if (event instanceof ActiveflowCreated e) {
            activeflowId = e.activeflowId();
            referenceActiveflowId = e.referenceActiveflowId();
            created = e.at();
        } else if (event instanceof ActionStarted e) {
            executedActions.add(e.action());
        } else if (event instanceof ActiveflowStopped e) {
            ended = e.at();
            stop = StopShown.of(e);
        } else if (event instanceof ActiveflowDeleted e) {
            deleted = e.at();
        }
    }

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Activeflow() {
    }
}
