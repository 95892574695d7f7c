package io.callflow.projection;

import static io.callflow.projection.jooq.Tables.NUMBERS;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.number.NumberDirectory;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberKey;
import io.callflow.domain.number.NumberRoute;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link NumberDirectory} on the {@code numbers} projection (by its partial index on active number
 * keys). The projection trails the command side by a moment, so a number taken a few milliseconds
 * ago may not route yet; a deleted one may still route for as long.
 */
public class NumberLookup implements NumberDirectory {
    private final DSLContext sql;

    public NumberLookup(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public Optional<NumberRoute> find(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        // number_claims keeps one active number per key; newest first only decides a projection in flux
        return sql.selectFrom(NUMBERS)
                .where(NUMBERS.NUMBER_KEY.eq(NumberKey.of(number)), NUMBERS.TM_DELETE.isNull())
                .orderBy(NUMBERS.TM_CREATE.desc())
                .limit(1)
                .fetchOptional(r -> new NumberRoute(new NumberId(r.getId()), new CustomerId(r.getCustomerId()),
                        r.getNumber(), r.getCallFlowId() == null ? null : new FlowId(r.getCallFlowId())));
    }
}
