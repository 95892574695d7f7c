package io.callflow.projection;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.StopShown;
import io.callflow.domain.activeflow.Jumped;
import io.callflow.domain.activeflow.StackPushed;
import io.callflow.domain.activeflow.VariablesSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one batch of events does to one activeflow's rows, folded in memory so the
 * batch is written as one row change per activeflow instead of statements per event.
 * Columns are set only if some event in the batch set them ({@link Optional} fields
 * hold "set to this value, possibly null").
 */
final class ActiveflowChanges {
    final UUID activeflowId;
    ActiveflowCreated created;
    long lastSequence = -1;
    Instant tmUpdate;
    Optional<Action> currentAction;
    Integer executeCount;
    Optional<UUID> forwardActionId;
    String status;
    Optional<String> stopReason;
    Optional<String> stopDetail;
    Instant tmEnd;
    Instant tmDelete;
    /** Executed actions by step; a finish without its start in this batch updates an earlier row. */
    final Map<Integer, StepChange> steps = new TreeMap<>();
    final Map<String, String> variables = new LinkedHashMap<>();

    /** One {@code activeflow_actions} row's changes. */
    static final class StepChange {
        ActionStarted started;
        ActionFinished finished;
    }

    ActiveflowChanges(UUID activeflowId) {
        this.activeflowId = activeflowId;
    }

    void add(ActiveflowEvent event, long sequence) {
        lastSequence = sequence;
        tmUpdate = event.at();
        if (event instanceof ActiveflowCreated e) {
            created = e;
            variables.putAll(e.variables());
        } else if (event instanceof ActionStarted e) {
            currentAction = Optional.of(e.action());
            executeCount = Math.toIntExact(e.step());
            forwardActionId = Optional.empty();
            step(e.step()).started = e;
        } else if (event instanceof ActionFinished e) {
            step(e.step()).finished = e;
        } else if (event instanceof VariablesSet e) {
            variables.putAll(e.values());
        } else if (event instanceof Jumped e) {
            forwardActionId = Optional.of(e.actionId());
        } else if (event instanceof StackPushed e) {
            forwardActionId = Optional.ofNullable(e.actions() == null || e.actions().isEmpty() ? null
                    : e.actions().get(0).id());
        } else if (event instanceof ActiveflowStopped e) {
            status = "ended";
            StopShown shown = StopShown.of(e);
            stopReason = Optional.ofNullable(shown.reason());
            stopDetail = Optional.ofNullable(shown.detail());
            forwardActionId = Optional.empty();
            tmEnd = e.at();
        } else if (event instanceof ActiveflowDeleted e) {
            status = "ended";
            forwardActionId = Optional.empty();
            tmDelete = e.at();
        }
        // recorded inputs and bookkeeping (timers, effects, clock reads, gotos, pops) move only tm_update
    }

    private StepChange step(long step) {
        return steps.computeIfAbsent(Math.toIntExact(step), s -> new StepChange());
    }
}
