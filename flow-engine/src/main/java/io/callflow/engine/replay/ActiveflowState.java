package io.callflow.engine.replay;

import io.callflow.domain.action.Action;
import io.callflow.domain.action.ReservedIds;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Stack;
import io.callflow.engine.interpreter.Wait;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the interpreter knew about an activeflow after one of its events: a view of
 * {@link ExecutionState} for people, in a stable order (main stack first, variables and counters sorted).
 *
 * @param sequence  the last event folded in
 * @param at        that event's time
 * @param cursor    the current stack and the current action (after substitution; null before the first)
 * @param forward   where the next action comes from when a jump or a push decided it; null means
 *                  "the one after the current action"
 * @param stacks    the stacks in use, the main stack first and then outwards-in along the return chain
 * @param waiting   what the current action execution waits for, null when nothing
 */
public record ActiveflowState(
        UUID activeflowId,
        UUID flowId,
        Integer flowVersion,
        long sequence,
        Instant at,
        boolean ended,
        boolean deleted,
        Cursor cursor,
        ExecutionState.Target forward,
        List<StackFrame> stacks,
        Map<String, String> variables,
        Counters counters,
        Wait waiting) {

    /** Where execution stands: a stack, and the action in it that is current. */
    public record Cursor(UUID stackId, Action action) {
    }

    /** A stack of actions; {@code returnTo} is where execution goes when it runs out, null for the main stack. */
    public record StackFrame(UUID id, List<Action> actions, ExecutionState.Target returnTo) {
    }

    /**
     * @param step             executions so far, and so the current action's execution number
     * @param executions       executions counted against the activeflow's budget
     * @param consecutiveSteps executions since the flow last waited for something
     * @param gotoRemaining    jumps left for each goto that has jumped and not yet fallen through
     */
    public record Counters(long step, int executions, int consecutiveSteps, List<GotoCounter> gotoRemaining) {
    }

    public record GotoCounter(UUID stackId, UUID actionId, int remaining) {
    }

    static ActiveflowState of(ExecutionState state, long sequence, Instant at) {
        return new ActiveflowState(
                state.activeflowId().value(),
                state.flowId() == null ? null : state.flowId().value(),
                state.flowVersion(),
                sequence,
                at,
                state.ended(),
                state.deleted(),
                new Cursor(state.currentStackId(), state.currentAction()),
                state.forward(),
                stacks(state),
                Collections.unmodifiableMap(new TreeMap<>(state.variables())),
                new Counters(state.step(), state.executions(), state.consecutiveSteps(), gotoCounters(state)),
                state.waiting());
    }

    private static List<StackFrame> stacks(ExecutionState state) {
        Map<UUID, Integer> depth = new HashMap<>();
        for (UUID id : state.stacks().keySet()) {
            depth.put(id, depth(state, id));
        }
        return state.stacks().values().stream()
                .sorted(Comparator.<Stack>comparingInt(s -> depth.get(s.id())).thenComparing(Stack::id))
                .map(s -> new StackFrame(s.id(), s.actions(), s.returnStackId() == null ? null
                        : new ExecutionState.Target(s.returnStackId(), s.returnActionId())))
                .toList();
    }

    /** Stacks between this one and the main stack; a broken chain counts as deep as it gets. */
    private static int depth(ExecutionState state, UUID id) {
        int depth = 0;
        for (Stack s = state.stack(id); s != null && !ReservedIds.MAIN_STACK.equals(s.id())
                && depth <= state.stacks().size(); depth++) {
            s = s.returnStackId() == null ? null : state.stack(s.returnStackId());
        }
        return depth;
    }

    private static List<GotoCounter> gotoCounters(ExecutionState state) {
        return state.gotoCounters().entrySet().stream()
                .map(e -> new GotoCounter(e.getKey().stackId(), e.getKey().actionId(), e.getValue()))
                .sorted(Comparator.comparing(GotoCounter::stackId).thenComparing(GotoCounter::actionId))
                .toList();
    }
}
