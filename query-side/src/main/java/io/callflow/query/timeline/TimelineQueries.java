package io.callflow.query.timeline;

import static io.callflow.projection.jooq.Tables.DOMAINEVENTENTRY;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.query.StoredJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * A resource's history, read straight from Axon's event store (not a projection), oldest first.
 * The first event names the owning customer; a resource of another customer, of another type,
 * or without events is not found. The first page reads that event with the page itself; later pages
 * read it on its own first.
 */
@Service
public class TimelineQueries {
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
        if (type == ResourceType.CALLS) {
            return callEvents(customer, aggregateId, pageSize, afterSequence);
        }
        if (afterSequence >= 0) {
            requireOwned(customer, type, aggregateId);
        }
        List<Record5<Long, String, byte[], byte[], String>> rows = sql
                .select(DOMAINEVENTENTRY.SEQUENCENUMBER, DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD,
                        DOMAINEVENTENTRY.METADATA, DOMAINEVENTENTRY.TIMESTAMP)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId),
                        DOMAINEVENTENTRY.SEQUENCENUMBER.gt(afterSequence),
                        DOMAINEVENTENTRY.PAYLOADTYPE.startsWith(type.eventPackage()))
                .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)
                .limit(DSL.inline(pageSize))
                .fetch();
        if (afterSequence < 0) {
            // the first page starts with the first event whenever the resource is of this type: one statement
            Record5<Long, String, byte[], byte[], String> first = rows.isEmpty() ? null : rows.get(0);
            if (first == null || first.value1() != 0 || !owned(customer, type, first.value2(), first.value3())) {
                throw new NotFound(type.singular() + " " + aggregateId);
            }
        }
        List<TimelineEvent> events = rows.stream()
                .map(r -> TimelineEvent.stored(aggregateId, r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))
                .toList();
        String next = events.isEmpty() ? "" : Long.toString(events.get(events.size() - 1).sequence());
        return new Page<>(next, events);
    }

    /**
     * A call's page, each event with the call as it was right after it ({@code data}): the call is folded
     * from its first event on, so every page reads the events before it too (a call has tens of events).
     */
    private Page<TimelineEvent> callEvents(CustomerId customer, String aggregateId, int pageSize, long afterSequence) {
        List<Record5<Long, String, byte[], byte[], String>> rows = sql
                .select(DOMAINEVENTENTRY.SEQUENCENUMBER, DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD,
                        DOMAINEVENTENTRY.METADATA, DOMAINEVENTENTRY.TIMESTAMP)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId),
                        // page tokens have at most 18 digits (PositionToken), so this cannot overflow
                        DOMAINEVENTENTRY.SEQUENCENUMBER.le(afterSequence + pageSize),
                        DOMAINEVENTENTRY.PAYLOADTYPE.startsWith(ResourceType.CALLS.eventPackage()))
                .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)
                .fetch();
        Record5<Long, String, byte[], byte[], String> first = rows.isEmpty() ? null : rows.get(0);
        if (first == null || first.value1() != 0 || !owned(customer, ResourceType.CALLS, first.value2(),
                first.value3())) {
            throw new NotFound(ResourceType.CALLS.singular() + " " + aggregateId);
        }
        CallSnapshot call = new CallSnapshot();
        List<TimelineEvent> events = new ArrayList<>();
        for (Record5<Long, String, byte[], byte[], String> r : rows) {
            JsonNode snapshot = call.after(r.value2(), r.value3());
            if (r.value1() > afterSequence && events.size() < pageSize) {
                events.add(TimelineEvent.stored(aggregateId, r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5()).withData(snapshot));
            }
        }
        String next = events.isEmpty() ? "" : Long.toString(events.get(events.size() - 1).sequence());
        return new Page<>(next, events);
    }

    private void requireOwned(CustomerId customer, ResourceType type, String aggregateId) {
        boolean owned = sql.select(DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId), DOMAINEVENTENTRY.SEQUENCENUMBER.eq(0L))
                .fetchOptional()
                .filter(first -> owned(customer, type, first.value1(), first.value2()))
                .isPresent();
        if (!owned) {
            throw new NotFound(type.singular() + " " + aggregateId);
        }
    }

    /** Whether a resource's first event is of the type asked for and names the customer as its owner. */
    private static boolean owned(CustomerId customer, ResourceType type, String payloadType, byte[] payload) {
        return payloadType.startsWith(type.eventPackage())
                && customer.value().toString().equals(StoredJson.fields(payload, "customer_id")[0]);
    }
}
