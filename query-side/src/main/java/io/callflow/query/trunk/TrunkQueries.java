package io.callflow.query.trunk;

import static io.callflow.projection.jooq.Tables.TRUNKS;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkResource;
import io.callflow.projection.jooq.tables.records.TrunksRecord;
import io.callflow.query.ListCursor;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Trunks of one customer, from the {@code trunks} projection. Deleted trunks are not found. Passwords
 * are not in that table, so no read here can return one.
 */
@Service
public class TrunkQueries {
    private final DSLContext sql;

    public TrunkQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Newest first by {@code (tm_create, id)}. */
    public Page<TrunkResource> list(CustomerId customer, int pageSize, Optional<ListCursor> cursor) {
        Condition where = TRUNKS.CUSTOMER_ID.eq(customer.value()).and(TRUNKS.TM_DELETE.isNull());
        if (cursor.isPresent()) {
            where = where.and(cursor.get().seek(TRUNKS.TM_CREATE, TRUNKS.ID));
        }
        List<TrunksRecord> rows = sql.selectFrom(TRUNKS)
                .where(where)
                .orderBy(TRUNKS.TM_CREATE.desc(), TRUNKS.ID.desc())
                .limit(DSL.inline(pageSize))
                .fetch();
        String next = rows.isEmpty() ? ""
                : ListCursor.after(rows.get(rows.size() - 1).getTmCreate().toInstant(),
                        rows.get(rows.size() - 1).getId());
        return new Page<>(next, rows.stream().map(TrunkQueries::resource).toList());
    }

    public TrunkResource get(CustomerId customer, TrunkId id) {
        return sql.selectFrom(TRUNKS)
                .where(TRUNKS.ID.eq(id.value()), TRUNKS.CUSTOMER_ID.eq(customer.value()), TRUNKS.TM_DELETE.isNull())
                .fetchOptional(TrunkQueries::resource)
                .orElseThrow(() -> new NotFound("trunk " + id));
    }

    private static TrunkResource resource(TrunksRecord r) {
        return new TrunkResource(r.getId(), r.getCustomerId(), r.getName(), r.getHost(), r.getPort(),
                r.getTransport(), r.getUsername(), Timestamps.format(r.getTmCreate()),
                Timestamps.format(r.getTmUpdate()), Timestamps.format(r.getTmDelete()));
    }
}
