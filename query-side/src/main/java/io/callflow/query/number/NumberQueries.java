package io.callflow.query.number;

import static io.callflow.projection.jooq.Tables.NUMBERS;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberResource;
import io.callflow.domain.number.NumberStatus;
import io.callflow.projection.jooq.tables.records.NumbersRecord;
import io.callflow.query.ListCursor;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Numbers of one customer, from the {@code numbers} projection. Deleted numbers are not found, like deleted flows. */
@Service
public class NumberQueries {
    private final DSLContext sql;

    public NumberQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** Newest first by {@code (tm_create, id)}. */
    public Page<NumberResource> list(CustomerId customer, int pageSize, Optional<ListCursor> cursor) {
        Condition where = NUMBERS.CUSTOMER_ID.eq(customer.value()).and(NUMBERS.TM_DELETE.isNull());
        if (cursor.isPresent()) {
            where = where.and(cursor.get().seek(NUMBERS.TM_CREATE, NUMBERS.ID));
        }
        List<NumbersRecord> rows = sql.selectFrom(NUMBERS)
                .where(where)
                .orderBy(NUMBERS.TM_CREATE.desc(), NUMBERS.ID.desc())
                .limit(DSL.inline(pageSize))
                .fetch();
        String next = rows.isEmpty() ? ""
                : ListCursor.after(rows.get(rows.size() - 1).getTmCreate().toInstant(),
                        rows.get(rows.size() - 1).getId());
        return new Page<>(next, rows.stream().map(NumberQueries::resource).toList());
    }

    public NumberResource get(CustomerId customer, NumberId id) {
        return sql.selectFrom(NUMBERS)
                .where(NUMBERS.ID.eq(id.value()), NUMBERS.CUSTOMER_ID.eq(customer.value()), NUMBERS.TM_DELETE.isNull())
                .fetchOptional(NumberQueries::resource)
                .orElseThrow(() -> new NotFound("number " + id));
    }

    private static NumberResource resource(NumbersRecord r) {
        NumberStatus status = r.getTmDelete() == null ? NumberStatus.ACTIVE : NumberStatus.DELETED;
        return new NumberResource(r.getId(), r.getCustomerId(), r.getNumber(), r.getCallFlowId(), r.getName(),
                r.getDetail(), status.name().toLowerCase(), Timestamps.format(r.getTmCreate()),
                Timestamps.format(r.getTmUpdate()), Timestamps.format(r.getTmDelete()));
    }
}
