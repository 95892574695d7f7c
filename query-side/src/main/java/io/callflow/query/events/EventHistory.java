package io.callflow.query.events;

import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;
import static io.callflow.projection.jooq.Tables.DOMAINEVENTENTRY;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.Page;
import io.callflow.query.CursorReads;
import io.callflow.query.timeline.ResourceType;
import io.callflow.query.timeline.TimelineEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Service;

/**
 * A customer's events across all its aggregates, read straight from Axon's event store in the
 * store's own order (global index). The store's {@code customer_id} and {@code occurred_at} columns
 * (V6) carry the filters.
 */
@Service
public class EventHistory {
    /** Only activeflow events join the activeflow read model; other aggregate ids need not be UUIDs. */
    private static final Field<UUID> ACTIVEFLOW_ID = DSL.when(
            DOMAINEVENTENTRY.PAYLOADTYPE.startsWith(ResourceType.ACTIVEFLOWS.eventPackage()),
            DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.cast(SQLDataType.UUID));
    private static final List<Field<?>> COLUMNS = List.of(DOMAINEVENTENTRY.GLOBALINDEX,
            DOMAINEVENTENTRY.AGGREGATEIDENTIFIER, DOMAINEVENTENTRY.SEQUENCENUMBER, DOMAINEVENTENTRY.PAYLOADTYPE,
            DOMAINEVENTENTRY.PAYLOAD, DOMAINEVENTENTRY.METADATA, DOMAINEVENTENTRY.TIMESTAMP, ACTIVEFLOWS.FLOW_VERSION);

    private final DSLContext sql;
    private final CursorReads cursors;

    public EventHistory(DSLContext sql, CursorReads cursors) {
        this.sql = sql;
        this.cursors = cursors;
    }

    /** @param after the page token: the last global index of the previous page */
    public Page<HistoryEvent> page(CustomerId customer, EventHistoryQuery query, int pageSize, OptionalLong after) {
        Condition where = matching(customer, query);
        if (after.isPresent()) {
            where = where.and(query.newestFirst() ? DOMAINEVENTENTRY.GLOBALINDEX.lt(after.getAsLong())
                    : DOMAINEVENTENTRY.GLOBALINDEX.gt(after.getAsLong()));
        }
        List<HistoryEvent> events = select(where, query).limit(DSL.inline(pageSize)).fetch(EventHistory::event);
        String next = events.isEmpty() ? "" : Long.toString(events.get(events.size() - 1).globalIndex());
        return new Page<>(next, events);
    }

    /** The global index of the customer's newest event, or 0 when there is none yet. */
    public long newestIndex(CustomerId customer) {
        Long newest = sql.select(DSL.max(DOMAINEVENTENTRY.GLOBALINDEX)).from(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.CUSTOMER_ID.eq(customer.value())).fetchOne(0, Long.class);
        return newest == null ? 0 : newest;
    }

    /** Every matching event as one JSON object per line (NDJSON), streamed: memory does not grow with the history. */
    public void export(CustomerId customer, EventHistoryQuery query, OutputStream out) {
        ObjectWriter json = Json.mapper().writer();
        cursors.forEach(select(matching(customer, query), query), row -> {
            try {
                out.write(json.writeValueAsBytes(event(row)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("the export's reader went away", e);
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the export's reader went away", e);
        }
    }

    private static Condition matching(CustomerId customer, EventHistoryQuery query) {
        Condition where = DOMAINEVENTENTRY.CUSTOMER_ID.eq(customer.value());
        if (query.aggregateId() != null) {
            where = where.and(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(query.aggregateId()));
        }
        if (query.payloadTypes() != null) {
            where = where.and(DOMAINEVENTENTRY.PAYLOADTYPE.in(query.payloadTypes()));
        }
        if (query.from() != null) {
            where = where.and(DOMAINEVENTENTRY.OCCURRED_AT.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            where = where.and(DOMAINEVENTENTRY.OCCURRED_AT.lt(query.to().atOffset(ZoneOffset.UTC)));
        }
        return where;
    }

    private SelectLimitStep<Record> select(Condition where, EventHistoryQuery query) {
        return sql.select(COLUMNS)
                .from(DOMAINEVENTENTRY)
                .leftJoin(ACTIVEFLOWS).on(ACTIVEFLOWS.ID.eq(ACTIVEFLOW_ID),
                        ACTIVEFLOWS.CUSTOMER_ID.eq(DOMAINEVENTENTRY.CUSTOMER_ID))
                .where(where)
                .orderBy(query.newestFirst() ? DOMAINEVENTENTRY.GLOBALINDEX.desc()
                        : DOMAINEVENTENTRY.GLOBALINDEX.asc());
    }

    private static HistoryEvent event(Record r) {
        TimelineEvent event = TimelineEvent.stored(r.get(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER),
                r.get(DOMAINEVENTENTRY.SEQUENCENUMBER), r.get(DOMAINEVENTENTRY.PAYLOADTYPE),
                r.get(DOMAINEVENTENTRY.PAYLOAD), r.get(DOMAINEVENTENTRY.METADATA), r.get(DOMAINEVENTENTRY.TIMESTAMP));
        return new HistoryEvent(event, r.get(DOMAINEVENTENTRY.GLOBALINDEX), r.get(ACTIVEFLOWS.FLOW_VERSION));
    }
}
