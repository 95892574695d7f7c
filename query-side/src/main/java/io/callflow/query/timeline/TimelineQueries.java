package io.callflow.query.timeline;

import static io.callflow.projection.jooq.Tables.DOMAINEVENTENTRY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.Timestamps;
import io.callflow.query.StoredJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.springframework.stereotype.Service;

/**
 * A resource's history, read straight from Axon's event store (not a projection), oldest first.
 * The first event names the owning customer; a resource of another customer, of another type,
 * or without events is not found.
 */
@Service
public class TimelineQueries {
    /** Axon's metadata keys: the chain's first message, and the message that caused this one. */
    static final String TRACE_ID = "traceId";
    static final String CORRELATION_ID = "correlationId";
    static final String ACTOR = "actor";

    private final DSLContext sql;

    public TimelineQueries(DSLContext sql) {
        this.sql = sql;
    }

    /**
     * @param afterSequence return events after this sequence number; -1 for the first page
     */
    public Page<TimelineEvent> events(CustomerId customer, ResourceType type, UUID id, int pageSize,
                                      long afterSequence) {
        String aggregateId = id.toString();
        requireOwned(customer, type, aggregateId);
        List<TimelineEvent> events = sql
                .select(DOMAINEVENTENTRY.SEQUENCENUMBER, DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD,
                        DOMAINEVENTENTRY.METADATA, DOMAINEVENTENTRY.TIMESTAMP)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId),
                        DOMAINEVENTENTRY.SEQUENCENUMBER.gt(afterSequence),
                        DOMAINEVENTENTRY.PAYLOADTYPE.startsWith(type.eventPackage()))
                .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)
                .limit(pageSize)
                .fetch(r -> event(aggregateId, r));
        String next = events.isEmpty() ? "" : Long.toString(events.get(events.size() - 1).sequence());
        return new Page<>(next, events);
    }

    private void requireOwned(CustomerId customer, ResourceType type, String aggregateId) {
        boolean owned = sql.select(DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId), DOMAINEVENTENTRY.SEQUENCENUMBER.eq(0L))
                .fetchOptional()
                .filter(first -> first.value1().startsWith(type.eventPackage()))
                .map(first -> StoredJson.tree(first.value2()).path("customer_id").asText(""))
                .filter(owner -> owner.equals(customer.value().toString()))
                .isPresent();
        if (!owned) {
            throw new NotFound(type.singular() + " " + aggregateId);
        }
    }

    private static TimelineEvent event(String aggregateId, Record5<Long, String, byte[], byte[], String> r) {
        JsonNode payload = StoredJson.tree(r.value3());
        JsonNode metadata = r.value4() == null ? JsonNodeFactory.instance.objectNode() : StoredJson.tree(r.value4());
        return new TimelineEvent(r.value1(), EventTypes.of(r.value2()), timestamp(payload, r.value5()), aggregateId,
                payload, metadata, text(metadata, ACTOR, "system"), text(metadata, TRACE_ID, null),
                text(metadata, CORRELATION_ID, null));
    }

    /** The event's own time ({@code at}, from the injected clock), else when the store recorded it. */
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
