package io.callflow.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.Timestamps;
import io.callflow.query.RawJson;
import io.callflow.query.StoredJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One stored event of a resource, as the timeline shows it.
 *
 * @param sequence      the event's place in its resource's history, from 0
 * @param eventType     the event record's name in snake_case, e.g. {@code action_started}; call events
 *                      under VoIPbin's names ({@code call_ringing}, {@code call_hangup}, see {@link EventTypes})
 * @param timestamp     when it happened (the event's {@code at}), VoIPbin's format
 * @param aggregateId   the resource's id
 * @param payload       the event as stored, written as is
 * @param metadata      the event's metadata as stored, written as is ({@code {}} when there is none)
 * @param actor         who caused it: {@code accesskey:<id>} or {@code system}
 * @param correlationId the id of the message that started the chain this event belongs to (Axon's traceId)
 * @param causationId   the id of the message that directly caused this event (Axon's correlationId)
 * @param data          for a call's events: the call as the API shows it right after the event (VoIPbin's
 *                      timeline {@code data}, reference 1.4); absent for other resources' events
 */
public record TimelineEvent(
        long sequence,
        String eventType,
        String timestamp,
        String aggregateId,
        RawJson payload,
        RawJson metadata,
        String actor,
        String correlationId,
        String causationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode data) {
    /** Axon's metadata keys: the chain's first message, and the message that caused this one. */
    static final String TRACE_ID = "traceId";
    static final String CORRELATION_ID = "correlationId";
    static final String ACTOR = "actor";

    private static final RawJson NO_METADATA = new RawJson("{}");

    /** An event from the columns of Axon's {@code domainevententry}. */
    public static TimelineEvent stored(String aggregateId, long sequence, String payloadType, byte[] payload,
                                       byte[] metadata, String storedTimestamp) {
        String at = StoredJson.fields(payload, "at")[0];
        String[] chain = metadata == null ? new String[3] : StoredJson.fields(metadata, ACTOR, TRACE_ID, CORRELATION_ID);
        return new TimelineEvent(sequence, EventTypes.of(payloadType, payload), timestamp(at, storedTimestamp), aggregateId,
                new RawJson(new String(payload, StandardCharsets.UTF_8)),
                metadata == null ? NO_METADATA : new RawJson(new String(metadata, StandardCharsets.UTF_8)),
                chain[0] == null ? "system" : chain[0], chain[1], chain[2], null);
    }

    /** This event with the resource as it was right after it. */
    public TimelineEvent withData(JsonNode snapshot) {
        return new TimelineEvent(sequence, eventType, timestamp, aggregateId, payload, metadata, actor, correlationId,
                causationId, snapshot);
    }

    /**
     * The event's own time ({@code at}, from the injected clock), else when the store recorded it.
     * The event store's {@code occurred_at} column (V6) follows the same rule, so a time range selects
     * exactly the events whose shown timestamp lies in it.
     */
    private static String timestamp(String at, String stored) {
        for (String candidate : new String[] {at == null ? "" : at, stored}) {
            try {
                return Timestamps.format(Instant.parse(candidate));
            } catch (DateTimeParseException | NullPointerException e) {
                // try the next one
            }
        }
        return stored;
    }
}
