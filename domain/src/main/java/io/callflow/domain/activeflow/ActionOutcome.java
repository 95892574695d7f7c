package io.callflow.domain.activeflow;

/** How an action execution ended. */
public enum ActionOutcome {
    COMPLETED, SKIPPED, FAILED
}
