package io.callflow.projection;

import static io.callflow.projection.jooq.Tables.NUMBERS;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.number.NumberDirectory;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberKey;
import io.callflow.domain.number.NumberRoute;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@link NumberDirectory} on the {@code numbers} projection (by its partial index on active number
 * keys). The projection trails the command side by a moment, so a number taken a few milliseconds
 * ago may not route yet; a deleted one may still route for as long.
 */
public class NumberLookup implements NumberDirectory {
    private final DSLContext sql;
    /** Asked for every incoming call: written once (rendering it per call was a twentieth of a call's SIP work). */
    private final PreparedBatch.Statement route;

    public NumberLookup(DSLContext sql) {
        this.sql = sql;
        // number_claims keeps one active number per key; newest first only decides a projection in flux
        this.route = PreparedBatch.Statement.of(sql.select(NUMBERS.ID, NUMBERS.CUSTOMER_ID, NUMBERS.NUMBER,
                        NUMBERS.CALL_FLOW_ID).from(NUMBERS)
                .where(NUMBERS.NUMBER_KEY.eq((String) null), NUMBERS.TM_DELETE.isNull())
                .orderBy(NUMBERS.TM_CREATE.desc())
                .limit(DSL.inline(1)));
    }

    @Override
    public Optional<NumberRoute> find(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        return route.first(sql, row -> {
            UUID flow = row.getObject(4, UUID.class);
            return new NumberRoute(new NumberId(row.getObject(1, UUID.class)),
                    new CustomerId(row.getObject(2, UUID.class)), row.getString(3), flow == null ? null : new FlowId(flow));
        }, NumberKey.of(number));
    }
}
