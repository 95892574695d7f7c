package io.callflow.command.activeflow;

import java.util.UUID;

/** Payload of an activeflow's persisted timer: which action execution it wakes. */
public record TimerDue(long step, UUID actionId) {
    public static final String DEADLINE = "activeflow-timer";
}
