package io.callflow.projection;

import static io.callflow.projection.Columns.id;
import static io.callflow.projection.Columns.textOrEmpty;
import static io.callflow.projection.Columns.time;
import static io.callflow.projection.jooq.Tables.NUMBERS;

import io.callflow.domain.number.NumberCreated;
import io.callflow.domain.number.NumberDeleted;
import io.callflow.domain.number.NumberKey;
import io.callflow.domain.number.NumberUpdated;
import java.time.OffsetDateTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;

/**
 * The {@code numbers} table: each number as it is now, deleted ones included (with {@code tm_delete}).
 * A row changes only for an event newer than its {@code last_sequence}, so a redelivered or replayed
 * event changes nothing. {@code number_claims} is the command side's and is not touched here.
 */
@ProcessingGroup(NumberProjection.GROUP)
public class NumberProjection {
    public static final String GROUP = "number-projection";

    private final DSLContext sql;

    public NumberProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(NumberCreated e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        String name = textOrEmpty(e.name());
        String detail = textOrEmpty(e.detail());
        sql.insertInto(NUMBERS)
                .set(NUMBERS.ID, e.numberId().value())
                .set(NUMBERS.CUSTOMER_ID, e.customerId().value())
                .set(NUMBERS.NUMBER, e.number())
                .set(NUMBERS.NUMBER_KEY, NumberKey.of(e.number()))
                .set(NUMBERS.CALL_FLOW_ID, id(e.callFlowId()))
                .set(NUMBERS.NAME, name)
                .set(NUMBERS.DETAIL, detail)
                .set(NUMBERS.LAST_SEQUENCE, sequence)
                .set(NUMBERS.TM_CREATE, at)
                .set(NUMBERS.TM_UPDATE, at)
                .onConflict(NUMBERS.ID)
                .doUpdate()
                .set(NUMBERS.CALL_FLOW_ID, id(e.callFlowId()))
                .set(NUMBERS.NAME, name)
                .set(NUMBERS.DETAIL, detail)
                .set(NUMBERS.LAST_SEQUENCE, sequence)
                .set(NUMBERS.TM_UPDATE, at)
                .where(NUMBERS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(NumberUpdated e, @SequenceNumber long sequence) {
        sql.update(NUMBERS)
                .set(NUMBERS.CALL_FLOW_ID, id(e.callFlowId()))
                .set(NUMBERS.NAME, textOrEmpty(e.name()))
                .set(NUMBERS.DETAIL, textOrEmpty(e.detail()))
                .set(NUMBERS.LAST_SEQUENCE, sequence)
                .set(NUMBERS.TM_UPDATE, time(e.at()))
                .where(NUMBERS.ID.eq(e.numberId().value()), NUMBERS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(NumberDeleted e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        sql.update(NUMBERS)
                .set(NUMBERS.TM_DELETE, at)
                .set(NUMBERS.TM_UPDATE, at)
                .set(NUMBERS.LAST_SEQUENCE, sequence)
                .where(NUMBERS.ID.eq(e.numberId().value()), NUMBERS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(NUMBERS).execute();
    }
}
