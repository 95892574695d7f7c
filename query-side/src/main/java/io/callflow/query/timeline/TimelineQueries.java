package io.callflow.query.timeline;

import static io.callflow.projection.jooq.Tables.DOMAINEVENTENTRY;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.query.StoredJson;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A resource's history, read straight from Axon's event store (not a projection), oldest first.
 * The first event names the owning customer; a resource of another customer, of another type,
 * or without events is not found.
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
                .fetch(r -> TimelineEvent.stored(aggregateId, r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5()));
        String next = events.isEmpty() ? "" : Long.toString(events.get(events.size() - 1).sequence());
        return new Page<>(next, events);
    }

    private void requireOwned(CustomerId customer, ResourceType type, String aggregateId) {
        boolean owned = sql.select(DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId), DOMAINEVENTENTRY.SEQUENCENUMBER.eq(0L))
                .fetchOptional()
                .filter(first -> first.value1().startsWith(type.eventPackage()))
                .map(first -> StoredJson.fields(first.value2(), "customer_id")[0])
                .filter(owner -> customer.value().toString().equals(owner))
                .isPresent();
        if (!owned) {
            throw new NotFound(type.singular() + " " + aggregateId);
        }
    }
}
