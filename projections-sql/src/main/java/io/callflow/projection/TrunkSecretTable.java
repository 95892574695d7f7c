package io.callflow.projection;

import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkSecrets;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** {@link TrunkSecrets} on the {@code trunk_secrets} table, written in the command's transaction. */
public class TrunkSecretTable implements TrunkSecrets {
    static final Table<Record> TRUNK_SECRETS = DSL.table(DSL.name("trunk_secrets"));
    static final Field<UUID> TRUNK_ID = DSL.field(DSL.name("trunk_secrets", "trunk_id"), SQLDataType.UUID);
    static final Field<String> PASSWORD = DSL.field(DSL.name("trunk_secrets", "password"), SQLDataType.CLOB);

    private final DSLContext sql;

    public TrunkSecretTable(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public Optional<String> password(TrunkId id) {
        return sql.select(PASSWORD).from(TRUNK_SECRETS).where(TRUNK_ID.eq(id.value())).fetchOptional(PASSWORD);
    }

    @Override
    public void put(TrunkId id, String password) {
        if (password == null || password.isEmpty()) {
            remove(id);
            return;
        }
        sql.insertInto(TRUNK_SECRETS)
                .set(TRUNK_ID, id.value())
                .set(PASSWORD, password)
                .onConflict(TRUNK_ID)
                .doUpdate()
                .set(PASSWORD, password)
                .execute();
    }

    @Override
    public void remove(TrunkId id) {
        sql.deleteFrom(TRUNK_SECRETS).where(TRUNK_ID.eq(id.value())).execute();
    }
}
