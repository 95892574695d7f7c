package io.callflow.projection;

import static io.callflow.projection.TrunkSecretTable.PASSWORD;
import static io.callflow.projection.TrunkSecretTable.TRUNK_ID;
import static io.callflow.projection.TrunkSecretTable.TRUNK_SECRETS;
import static io.callflow.projection.jooq.Tables.TRUNKS;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.trunk.TrunkDirectory;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkRoute;
import io.callflow.domain.trunk.TrunkTransport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/** {@link TrunkDirectory} on the {@code trunks} projection, with each trunk's password from {@code trunk_secrets}. */
public class TrunkLookup implements TrunkDirectory {
    private final DSLContext sql;

    public TrunkLookup(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public Optional<TrunkRoute> find(CustomerId customer, TrunkId id) {
        return active(customer, TRUNKS.ID.eq(id.value())).fetchOptional(TrunkLookup::route);
    }

    @Override
    public List<TrunkRoute> forCustomer(CustomerId customer) {
        return active(customer, DSL.noCondition())
                .orderBy(TRUNKS.TM_CREATE, TRUNKS.ID)
                .fetch(TrunkLookup::route);
    }

    private SelectConditionStep<Record> active(CustomerId customer, Condition condition) {
        return sql.select(List.of(TRUNKS.ID, TRUNKS.CUSTOMER_ID, TRUNKS.NAME, TRUNKS.HOST, TRUNKS.PORT,
                        TRUNKS.TRANSPORT, TRUNKS.USERNAME, PASSWORD))
                .from(TRUNKS)
                .leftJoin(TRUNK_SECRETS).on(TRUNK_ID.eq(TRUNKS.ID))
                .where(TRUNKS.CUSTOMER_ID.eq(customer.value()), TRUNKS.TM_DELETE.isNull(), condition);
    }

    private static TrunkRoute route(Record r) {
        String password = r.get(PASSWORD);
        return new TrunkRoute(new TrunkId(r.get(TRUNKS.ID)), new CustomerId(r.get(TRUNKS.CUSTOMER_ID)),
                r.get(TRUNKS.NAME), r.get(TRUNKS.HOST), r.get(TRUNKS.PORT),
                TrunkTransport.valueOf(r.get(TRUNKS.TRANSPORT).toUpperCase(Locale.ROOT)), r.get(TRUNKS.USERNAME),
                password == null ? "" : password);
    }
}
