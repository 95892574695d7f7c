package io.callflow.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event of a resource, as the timeline shows it.
 *
 * @param sequence      the event's place in its resource's history, from 0
 * @param eventType     the event record's name in snake_case, e.g. {@code action_started}
 * @param timestamp     when it happened (the event's {@code at}), VoIPbin's format
 * @param aggregateId   the resource's id
 * @param payload       the event as stored
 * @param metadata      the event's metadata as stored
 * @param actor         who caused it: {@code accesskey:<id>} or {@code system}
 * @param correlationId the id of the message that started the chain this event belongs to (Axon's traceId)
 * @param causationId   the id of the message that directly caused this event (Axon's correlationId)
 */
public record TimelineEvent(
        long sequence,
        String eventType,
        String timestamp,
        String aggregateId,
        JsonNode payload,
        JsonNode metadata,
        String actor,
        String correlationId,
        String causationId) {
}
