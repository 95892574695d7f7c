package io.callflow.domain.activeflow;

/** Why an activeflow ended. */
public enum StopReason {
    /** It ran off the end of its actions or reached the finish id. */
    FINISHED,
    /** A {@code stop} action ran. */
    STOP_ACTION,
    /** Someone stopped it through the API. */
    STOPPED,
    /** The call it ran for hung up (reference 3.9). */
    CALL_HANGUP,
    /** Deleted while running. */
    DELETED,
    /** Too many steps in a row without waiting for anything: a runaway loop. */
    CONSECUTIVE_STEP_LIMIT,
    /** The absolute budget of action executions ran out. */
    EXECUTION_LIMIT,
    /** Too many nested stacks. */
    STACK_LIMIT,
    /** An error the flow could not go on from; the detail says which. */
    ERROR
}
