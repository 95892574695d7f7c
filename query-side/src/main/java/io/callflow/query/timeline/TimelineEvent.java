package io.callflow.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callflow.domain.common.Timestamps;
import io.callflow.query.StoredJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
    /** Axon's metadata keys: the chain's first message, and the message that caused this one. */
    static final String TRACE_ID = "traceId";
    static final String CORRELATION_ID = "correlationId";
    static final String ACTOR = "actor";

    /** An event from the columns of Axon's {@code domainevententry}. */
    public static TimelineEvent stored(String aggregateId, long sequence, String payloadType, byte[] payload,
                                       byte[] metadata, String storedTimestamp) {
        JsonNode payloadTree = StoredJson.tree(payload);
        JsonNode metadataTree = metadata == null ? JsonNodeFactory.instance.objectNode() : StoredJson.tree(metadata);
        return new TimelineEvent(sequence, EventTypes.of(payloadType), timestamp(payloadTree, storedTimestamp),
                aggregateId, payloadTree, metadataTree, text(metadataTree, ACTOR, "system"),
                text(metadataTree, TRACE_ID, null), text(metadataTree, CORRELATION_ID, null));
    }

    /**
     * The event's own time ({@code at}, from the injected clock), else when the store recorded it.
     * The event store's {@code occurred_at} column (V6) follows the same rule, so a time range selects
     * exactly the events whose shown timestamp lies in it.
     */
    private static String timestamp(JsonNode payload, String stored) {
        String at = payload.path("at").asText("");
        for (String candidate : new String[] {at, stored}) {
            try {
                return Timestamps.format(Instant.parse(candidate));
            } catch (DateTimeParseException | NullPointerException e) {
                // try the next one
            }
        }
        return stored;
    }

    private static String text(JsonNode metadata, String key, String fallback) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
