package io.callflow.engine.interpreter;

import java.util.UUID;

/** What the current action execution ({@code step}) waits for before the flow goes on. */
public record Wait(long step, UUID actionId, Kind kind) {
    public enum Kind {
        TIMER, FETCH, FETCH_FLOW, WEBHOOK,
        /** A media operation on the call. */
        MEDIA,
        /** Key presses for digits_receive, with a timer for its duration. */
        DIGITS;

        /** Whether a persisted timer belongs to this wait. */
        public boolean timed() {
            return this == TIMER || this == DIGITS;
        }
    }
}
