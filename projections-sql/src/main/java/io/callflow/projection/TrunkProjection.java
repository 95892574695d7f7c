package io.callflow.projection;

import static io.callflow.projection.Columns.name;
import static io.callflow.projection.Columns.textOrEmpty;
import static io.callflow.projection.Columns.time;
import static io.callflow.projection.jooq.Tables.TRUNKS;

import io.callflow.domain.trunk.TrunkCreated;
import io.callflow.domain.trunk.TrunkDeleted;
import io.callflow.domain.trunk.TrunkUpdated;
import java.time.OffsetDateTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;

/**
 * The {@code trunks} table: each trunk as it is now, deleted ones included (with {@code tm_delete}).
 * Guarded by {@code last_sequence} like every projection. Passwords are not in the events, so not
 * here either: they are in {@code trunk_secrets}, which the command side keeps.
 */
@ProcessingGroup(TrunkProjection.GROUP)
public class TrunkProjection {
    public static final String GROUP = "trunk-projection";

    private final DSLContext sql;

    public TrunkProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(TrunkCreated e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        String name = textOrEmpty(e.name());
        String username = textOrEmpty(e.username());
        String transport = name(e.transport());
        sql.insertInto(TRUNKS)
                .set(TRUNKS.ID, e.trunkId().value())
                .set(TRUNKS.CUSTOMER_ID, e.customerId().value())
                .set(TRUNKS.NAME, name)
                .set(TRUNKS.HOST, e.host())
                .set(TRUNKS.PORT, e.port())
                .set(TRUNKS.TRANSPORT, transport)
                .set(TRUNKS.USERNAME, username)
                .set(TRUNKS.LAST_SEQUENCE, sequence)
                .set(TRUNKS.TM_CREATE, at)
                .set(TRUNKS.TM_UPDATE, at)
                .onConflict(TRUNKS.ID)
                .doUpdate()
                .set(TRUNKS.NAME, name)
                .set(TRUNKS.HOST, e.host())
                .set(TRUNKS.PORT, e.port())
                .set(TRUNKS.TRANSPORT, transport)
                .set(TRUNKS.USERNAME, username)
                .set(TRUNKS.LAST_SEQUENCE, sequence)
                .set(TRUNKS.TM_UPDATE, at)
                .where(TRUNKS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(TrunkUpdated e, @SequenceNumber long sequence) {
        sql.update(TRUNKS)
                .set(TRUNKS.NAME, textOrEmpty(e.name()))
                .set(TRUNKS.HOST, e.host())
                .set(TRUNKS.PORT, e.port())
                .set(TRUNKS.TRANSPORT, name(e.transport()))
                .set(TRUNKS.USERNAME, textOrEmpty(e.username()))
                .set(TRUNKS.LAST_SEQUENCE, sequence)
                .set(TRUNKS.TM_UPDATE, time(e.at()))
                .where(TRUNKS.ID.eq(e.trunkId().value()), TRUNKS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(TrunkDeleted e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        sql.update(TRUNKS)
                .set(TRUNKS.TM_DELETE, at)
                .set(TRUNKS.TM_UPDATE, at)
                .set(TRUNKS.LAST_SEQUENCE, sequence)
                .where(TRUNKS.ID.eq(e.trunkId().value()), TRUNKS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(TRUNKS).execute();
    }
}
