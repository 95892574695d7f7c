package io.callflow.projection;

import io.callflow.domain.number.NumberClaims;
import io.callflow.domain.number.NumberId;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * {@link NumberClaims} on the {@code number_claims} table. It runs in the command's transaction: a
 * second claim of a value waits on the primary key until the first claim's transaction ends, then
 * finds the value taken (or free again, if that transaction rolled back).
 */
public class NumberClaimTable implements NumberClaims {
    static final Table<Record> NUMBER_CLAIMS = DSL.table(DSL.name("number_claims"));
    static final Field<String> NUMBER_KEY = DSL.field(DSL.name("number_claims", "number_key"), SQLDataType.VARCHAR(64));
    static final Field<UUID> NUMBER_ID = DSL.field(DSL.name("number_claims", "number_id"), SQLDataType.UUID);

    private final DSLContext sql;

    public NumberClaimTable(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public boolean claim(String key, NumberId id) {
        return sql.insertInto(NUMBER_CLAIMS)
                .set(NUMBER_KEY, key)
                .set(NUMBER_ID, id.value())
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public void release(String key, NumberId id) {
        sql.deleteFrom(NUMBER_CLAIMS).where(NUMBER_KEY.eq(key), NUMBER_ID.eq(id.value())).execute();
    }
}
