package io.callflow.query.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.callflow.query.timeline.TimelineEvent;

/**
 * One event of the customer-wide history: the timeline's item, and where it stands in the whole store.
 *
 * @param event       the event as a timeline shows it (its fields appear inline)
 * @param globalIndex the event's place in the whole store; what the audit verification names, and the page token
 * @param flowVersion for an activeflow's events, the version of the flow it runs; null otherwise, and for
 *                    activeflows started from inline actions
 */
public record HistoryEvent(@JsonUnwrapped TimelineEvent event, long globalIndex, Integer flowVersion) {
}
