package io.callflow.engine.interpreter;

import io.callflow.domain.action.Action;
import io.callflow.domain.action.MediaRequirement;
import io.callflow.domain.action.ReservedIds;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.ClockRead;
import io.callflow.domain.activeflow.DigitReceived;
import io.callflow.domain.activeflow.MediaCancelled;
import io.callflow.domain.activeflow.MediaCompleted;
import io.callflow.domain.activeflow.MediaRequested;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.GotoCounted;
import io.callflow.domain.activeflow.Jumped;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StackPopped;
import io.callflow.domain.activeflow.StackPushed;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.TimerFired;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.domain.activeflow.VariablesSet;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the interpreter decides on, folded from the activeflow's events by
 * {@link #evolve}. Immutable: each event gives a new state.
 *
 * @param currentAction the current action after substitution, null before the first one
 * @param step          executions so far; the current action's execution number
 * @param forward       where the next advance goes, set by jumps and pushes; null means "next after current"
 * @param consecutiveSteps executions since the flow last waited for something
 * @param gotoRemaining jumps left per goto, keyed by stack and action id
 */
public record ExecutionState(
        ActiveflowId activeflowId,
        CustomerId customerId,
        FlowId flowId,
        Integer flowVersion,
        ReferenceType referenceType,
        UUID referenceId,
        FlowId onCompleteFlowId,
        int completeCount,
        boolean ended,
        boolean deleted,
        Map<UUID, Stack> stacks,
        UUID currentStackId,
        Action currentAction,
        long step,
        Target forward,
        Map<String, String> variables,
        int executions,
        int consecutiveSteps,
        Map<String, Integer> gotoRemaining,
        Wait waiting) {

    private static final String DIGITS_RECEIVE = "digits_receive";

    /** A place in the flow: an action in a stack. */
    public record Target(UUID stackId, UUID actionId) {
    }

    public static ExecutionState initial() {
        return new ExecutionState(null, null, null, null, ReferenceType.API, null, null, 0, false, false,
                Map.of(), ReservedIds.MAIN_STACK, null, 0, null, Map.of(), 0, 0, Map.of(), null);
    }

    public UUID currentActionId() {
        return currentAction == null ? ReservedIds.START : currentAction.id();
    }

    /**
     * Whether an action with this requirement runs here (reference 3.8). D18: an on-complete activeflow of a call
     * (complete count above 0) starts when the call's flow has ended and the call is going away, so it runs as a
     * non-call activeflow: media actions are skipped and it always ends.
     */
    public boolean runs(MediaRequirement requirement) {
        if (referenceType == ReferenceType.CALL && completeCount > 0) {
            return requirement != MediaRequirement.RTC;
        }
        return referenceType.runs(requirement);
    }

    public Stack stack(UUID id) {
        return stacks.get(id);
    }

    /** Applies one event. Assigns only; every decision was made before the event existed. */
    public ExecutionState evolve(ActiveflowEvent event) {
        if (event instanceof ActiveflowCreated e) {
            return new ExecutionState(e.activeflowId(), e.customerId(), e.flowId(), e.flowVersion(), e.referenceType(),
                    e.referenceId(), e.onCompleteFlowId(), e.completeCount(), false, false,
                    Map.of(ReservedIds.MAIN_STACK, new Stack(ReservedIds.MAIN_STACK, e.actions(), null, null)),
                    ReservedIds.MAIN_STACK, null, 0, null, Map.copyOf(e.variables()), 0, 0, Map.of(), null);
        }
        if (event instanceof ActionStarted e) {
            return with(e.stackId(), e.action(), e.step(), null, executions + 1, consecutiveSteps + 1, null);
        }
        if (event instanceof ActionFinished) {
            return with(currentStackId, currentAction, step, forward, executions, consecutiveSteps, null);
        }
        if (event instanceof VariablesSet e) {
            Map<String, String> merged = new HashMap<>(variables);
            merged.putAll(e.values());
            return withVariables(Map.copyOf(merged));
        }
        if (event instanceof StackPushed e) {
            Map<UUID, Stack> next = new HashMap<>(stacks);
            next.put(e.stackId(), new Stack(e.stackId(), e.actions(), e.returnStackId(), e.returnActionId()));
            Target first = new Target(e.stackId(), e.actions().get(0).id());
            return withStacks(Map.copyOf(next), first);
        }
        if (event instanceof StackPopped e) {
            Map<UUID, Stack> next = new HashMap<>(stacks);
            next.remove(e.stackId());
            return withStacks(Map.copyOf(next), forward);
        }
        if (event instanceof Jumped e) {
            return withStacks(stacks, new Target(e.stackId(), e.actionId()));
        }
        if (event instanceof GotoCounted e) {
            Map<String, Integer> next = new HashMap<>(gotoRemaining);
            String key = gotoKey(currentStackId, e.gotoActionId());
            if (e.remaining() == null) {
                next.remove(key);
            } else {
                next.put(key, e.remaining());
            }
            return new ExecutionState(activeflowId, customerId, flowId, flowVersion, referenceType, referenceId,
                    onCompleteFlowId, completeCount, ended, deleted, stacks, currentStackId, currentAction, step,
                    forward, variables, executions, consecutiveSteps, Map.copyOf(next), waiting);
        }
        if (event instanceof TimerStarted e) {
            Wait.Kind kind = currentAction != null && DIGITS_RECEIVE.equals(currentAction.type())
                    ? Wait.Kind.DIGITS : Wait.Kind.TIMER;
            return with(currentStackId, currentAction, step, forward, executions, 0,
                    new Wait(e.step(), e.actionId(), kind));
        }
        if (event instanceof MediaRequested e) {
            if (!e.awaited()) {
                return this;
            }
            return with(currentStackId, currentAction, step, forward, executions, 0,
                    new Wait(e.step(), e.actionId(), Wait.Kind.MEDIA));
        }
        if (event instanceof EffectRequested e) {
            if (!e.awaited()) {
                return this;
            }
            Wait.Kind kind = switch (e.effect()) {
                case FETCH -> Wait.Kind.FETCH;
                case FETCH_FLOW -> Wait.Kind.FETCH_FLOW;
                case WEBHOOK -> Wait.Kind.WEBHOOK;
            };
            return with(currentStackId, currentAction, step, forward, executions, 0,
                    new Wait(e.step(), e.actionId(), kind));
        }
        if (event instanceof ActiveflowStopped) {
            return new ExecutionState(activeflowId, customerId, flowId, flowVersion, referenceType, referenceId,
                    onCompleteFlowId, completeCount, true, deleted, stacks, currentStackId, currentAction, step,
                    null, variables, executions, consecutiveSteps, gotoRemaining, null);
        }
        if (event instanceof ActiveflowDeleted) {
            return new ExecutionState(activeflowId, customerId, flowId, flowVersion, referenceType, referenceId,
                    onCompleteFlowId, completeCount, true, true, stacks, currentStackId, currentAction, step,
                    null, variables, executions, consecutiveSteps, gotoRemaining, null);
        }
        if (event instanceof ClockRead || event instanceof TimerFired || event instanceof EffectResponded
                || event instanceof StaleInputIgnored || event instanceof MediaCompleted
                || event instanceof MediaCancelled || event instanceof DigitReceived) {
            return this; // recorded inputs: the decisions that follow them carry the change
        }
        throw new IllegalArgumentException("unknown activeflow event " + event.getClass().getName());
    }

    static String gotoKey(UUID stackId, UUID actionId) {
        return stackId + "/" + actionId;
    }

    /** The jumps left per goto, keyed by where the goto is (its stack and action id). */
    public Map<Target, Integer> gotoCounters() {
        Map<Target, Integer> counters = new HashMap<>(gotoRemaining.size() * 2);
        gotoRemaining.forEach((key, remaining) -> {
            int slash = key.indexOf('/');
            counters.put(new Target(UUID.fromString(key.substring(0, slash)), UUID.fromString(key.substring(slash + 1))),
                    remaining);
        });
        return counters;
    }

    private ExecutionState with(UUID stackId, Action action, long newStep, Target newForward, int newExecutions,
                                int newConsecutive, Wait newWaiting) {
        return new ExecutionState(activeflowId, customerId, flowId, flowVersion, referenceType, referenceId,
                onCompleteFlowId, completeCount, ended, deleted, stacks, stackId, action, newStep, newForward,
                variables, newExecutions, newConsecutive, gotoRemaining, newWaiting);
    }

    private ExecutionState withVariables(Map<String, String> newVariables) {
        return new ExecutionState(activeflowId, customerId, flowId, flowVersion, referenceType, referenceId,
                onCompleteFlowId, completeCount, ended, deleted, stacks, currentStackId, currentAction, step, forward,
                newVariables, executions, consecutiveSteps, gotoRemaining, waiting);
    }

    private ExecutionState withStacks(Map<UUID, Stack> newStacks, Target newForward) {
        return new ExecutionState(activeflowId, customerId, flowId, flowVersion, referenceType, referenceId,
                onCompleteFlowId, completeCount, ended, deleted, newStacks, currentStackId, currentAction, step,
                newForward, variables, executions, consecutiveSteps, gotoRemaining, waiting);
    }
}
