package io.callflow.app.admin;

import java.util.UUID;

/**
 * Where a projection rebuild stands.
 *
 * @param status          {@code building} (replaying the event store into the shadow tables), {@code swapping}
 *                        (the live processor paused, the last events applied, the tables swapped), {@code done}
 *                        or {@code failed} (the live tables untouched)
 * @param eventsDone      events replayed into the shadow tables so far
 * @param eventsTotal     events in the store when the rebuild began, and any that arrived while it ran
 * @param eventsPerSecond events done per second since the start
 * @param etaSeconds      estimated seconds left at that rate; null until there is a rate, 0 when done
 * @param error           why it failed, null otherwise
 */
public record RebuildProgress(UUID rebuildId, String projection, String status, long eventsDone, long eventsTotal,
                              double eventsPerSecond, Long etaSeconds, String tmStart, String tmEnd, String error) {

    public boolean finished() {
        return "done".equals(status) || "failed".equals(status);
    }

    /** One line for a console. */
    public String line() {
        return String.format("rebuild %s %s: %s, %d/%d events, %.0f events/s, eta %s s%s", projection, rebuildId,
                status, eventsDone, eventsTotal, eventsPerSecond, etaSeconds == null ? "?" : etaSeconds,
                error == null ? "" : ", error: " + error);
    }
}
