package io.callflow.query.events;

import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Timestamps;
import io.callflow.query.AggregateIds;
import io.callflow.query.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an auditor asks of a customer's event history. Null fields do not narrow.
 *
 * @param aggregateId  only this aggregate's events
 * @param payloadTypes only events stored with one of these payload types (one event type)
 * @param from         only events at or after this time
 * @param to           only events before this time
 * @param newestFirst  the order of the store (global index), reversed
 */
public record EventHistoryQuery(String aggregateId, Set<String> payloadTypes, Instant from, Instant to,
                                boolean newestFirst) {
    private static final String TIME_EXAMPLE = "2026-01-15T09:30:00.000000Z";

    /** The query parameters as given; every problem in them is reported at once, each with its pointer. */
    public static EventHistoryQuery parse(String aggregateId, String eventType, String from, String to,
                                          String order) {
        List<Problem> problems = new ArrayList<>();
        String aggregate = null;
        try {
            aggregate = AggregateIds.parse(aggregateId);
        } catch (BadRequest e) {
            problems.addAll(e.problems());
        }
        Set<String> payloadTypes = null;
        if (eventType != null && !eventType.isBlank()) {
            payloadTypes = EventCatalogue.payloadTypes(eventType.trim()).orElse(null);
            if (payloadTypes == null) {
                problems.add(new Problem("/event_type", "must be an event type such as activeflow_created or "
                        + "action_started"));
            }
        }
        Instant start = time(from, "/from", problems);
        Instant end = time(to, "/to", problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(new Problem("/to", "must be after from"));
        }
        boolean newestFirst = false;
        if (order != null && !order.isBlank()) {
            switch (order.trim()) {
                case "asc" -> newestFirst = false;
                case "desc" -> newestFirst = true;
                default -> problems.add(new Problem("/order", "must be asc (oldest first) or desc (newest first)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
        return new EventHistoryQuery(aggregate, payloadTypes, start, end, newestFirst);
    }

    /** Times are compared at the microseconds the store keeps. */
    private static Instant time(String text, String pointer, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<Instant> time = Times.parse(text.trim()).map(Timestamps::truncate);
        if (time.isEmpty()) {
            problems.add(new Problem(pointer, "must be a time like " + TIME_EXAMPLE));
        }
        return time.orElse(null);
    }
}
