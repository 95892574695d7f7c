package io.callflow.engine.interpreter;

import java.util.UUID;

/** What the current action execution ({@code step}) waits for before the flow goes on. */
public record Wait(long step, UUID actionId, Kind kind) {
    public enum Kind { TIMER, FETCH, FETCH_FLOW, WEBHOOK }
}
