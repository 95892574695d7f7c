package io.callflow.query.replay;

import static io.callflow.projection.jooq.Tables.DOMAINEVENTENTRY;

import com.fasterxml.jackson.databind.ObjectReader;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.NotFound;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.stereotype.Service;

/**
 * One activeflow's events read back from Axon's {@code domainevententry} as the records they were
 * stored from, in sequence order. The first event names the owner: an activeflow of another customer,
 * an aggregate that is not an activeflow, or an id without events is not found. A deleted activeflow
 * is still found: its history is what an audit reads.
 *
 * <p>Rows are read with one statement and turned into records as they arrive (no intermediate result of
 * a long history's thousands of rows), each by a reader made once per event type.
 */
@Service
public class ActiveflowHistory {
    /** Only the activeflow's own event records are read, by their stored name: never a class named by the row. */
    private static final Map<String, ObjectReader> READERS = Arrays.stream(
                    ActiveflowEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getName, type -> Json.mapper().readerFor(type)));

    private final DSLContext sql;

    public ActiveflowHistory(DSLContext sql) {
        this.sql = sql;
    }

    /** Every event of the activeflow, the one at index {@code n} having sequence number {@code n}. */
    public List<ActiveflowEvent> events(CustomerId customer, UUID activeflowId) {
        String aggregateId = activeflowId.toString();
        List<ActiveflowEvent> events = new ArrayList<>();
        try (Cursor<Record3<Long, String, byte[]>> rows = sql
                .select(DOMAINEVENTENTRY.SEQUENCENUMBER, DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD)
                .from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId))
                .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)
                .fetchLazy()) {
            for (Record3<Long, String, byte[]> row : rows) {
                if (events.isEmpty()) {
                    ActiveflowEvent created = ActiveflowCreated.class.getName().equals(row.value2())
                            ? event(aggregateId, 0, row) : null;
                    if (created == null || !created.customerId().equals(customer)) {
                        throw new NotFound("activeflow " + aggregateId);
                    }
                    events.add(created);
                } else {
                    events.add(event(aggregateId, events.size(), row));
                }
            }
        }
        if (events.isEmpty()) {
            throw new NotFound("activeflow " + aggregateId);
        }
        return events;
    }

    /**
     * A row this version cannot read as an activeflow event is a fault, not something to skip: a state or a
     * replay without it would look plausible and be wrong.
     */
    private static ActiveflowEvent event(String aggregateId, int expectedSequence, Record3<Long, String, byte[]> row) {
        if (row.value1() != expectedSequence) {
            throw new IllegalStateException("activeflow " + aggregateId + " has no event " + expectedSequence
                    + " but one at " + row.value1());
        }
        ObjectReader reader = READERS.get(row.value2());
        if (reader == null) {
            throw new IllegalStateException("event " + row.value1() + " of activeflow " + aggregateId
                    + " has payload type " + row.value2() + ", which is not an activeflow event");
        }
        try {
            return reader.readValue(row.value3());
        } catch (IOException e) {
            throw new IllegalStateException("event " + row.value1() + " of activeflow " + aggregateId
                    + " cannot be read as " + row.value2().substring(row.value2().lastIndexOf('.') + 1), e);
        }
    }
}
