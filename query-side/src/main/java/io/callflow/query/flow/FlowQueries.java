package io.callflow.query.flow;

import io.callflow.domain.common.Timestamps;
import static io.callflow.projection.jooq.Tables.FLOWS;
import static io.callflow.projection.jooq.Tables.FLOW_VERSIONS;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowResource;
import io.callflow.projection.jooq.tables.records.FlowsRecord;
import io.callflow.query.ListCursor;
import io.callflow.query.StoredJson;
import io.callflow.query.Times;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Flows of one customer, from the {@code flows} and {@code flow_versions} projections. Deleted flows are not found. */
@Service
public class FlowQueries {
    private final DSLContext sql;

    public FlowQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Newest first by {@code (tm_create, id)}. */
    public Page<FlowResource> list(CustomerId customer, int pageSize, Optional<ListCursor> cursor) {
        Condition where = FLOWS.CUSTOMER_ID.eq(customer.value()).and(FLOWS.TM_DELETE.isNull());
        if (cursor.isPresent()) {
            where = where.and(cursor.get().seek(FLOWS.TM_CREATE, FLOWS.ID));
        }
        List<FlowsRecord> rows = sql.selectFrom(FLOWS)
                .where(where)
                .orderBy(FLOWS.TM_CREATE.desc(), FLOWS.ID.desc())
                .limit(DSL.inline(pageSize))
                .fetch();
        String next = rows.isEmpty() ? ""
                : ListCursor.after(rows.get(rows.size() - 1).getTmCreate().toInstant(), rows.get(rows.size() - 1).getId());
        return new Page<>(next, rows.stream().map(FlowQueries::resource).toList());
    }

    public FlowResource get(CustomerId customer, FlowId id) {
        return current(customer, id).map(FlowQueries::resource).orElseThrow(() -> notFound(id));
    }

    /**
     * The flow as it read when {@code version} was its latest: that version's content, with the
     * flow's {@code tm_create} and the version's save time as {@code tm_update}.
     */
    public FlowResource version(CustomerId customer, FlowId id, int version) {
        FlowsRecord flow = current(customer, id).orElseThrow(() -> notFound(id));
        return sql.selectFrom(FLOW_VERSIONS)
                .where(FLOW_VERSIONS.FLOW_ID.eq(id.value()), FLOW_VERSIONS.VERSION.eq(version))
                .fetchOptional(v -> new FlowResource(v.getFlowId(), v.getCustomerId(), v.getType(), v.getName(),
                        v.getDetail(), StoredJson.actions(v.getActions()), v.getOnCompleteFlowId(), v.getVersion(),
                        Timestamps.format(flow.getTmCreate()), Timestamps.format(v.getTmCreate()), null))
                .orElseThrow(() -> new NotFound("flow " + id + " version " + version));
    }

    private Optional<FlowsRecord> current(CustomerId customer, FlowId id) {
        return sql.selectFrom(FLOWS)
                .where(FLOWS.ID.eq(id.value()), FLOWS.CUSTOMER_ID.eq(customer.value()), FLOWS.TM_DELETE.isNull())
                .fetchOptional();
    }

    private static FlowResource resource(FlowsRecord r) {
        return new FlowResource(r.getId(), r.getCustomerId(), r.getType(), r.getName(), r.getDetail(),
                StoredJson.actions(r.getActions()), r.getOnCompleteFlowId(), r.getVersion(),
                Timestamps.format(r.getTmCreate()), Timestamps.format(r.getTmUpdate()), Timestamps.format(r.getTmDelete()));
    }

    private static NotFound notFound(FlowId id) {
        return new NotFound("flow " + id);
    }
}
