package io.callflow.query.audit;

import static io.callflow.projection.jooq.Tables.DOMAINEVENTENTRY;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.query.CursorReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Checks the event store's hash chains (migration V6). Each event's hash is recomputed by the same
 * SQL function that computed it at append time, from the event's stored bytes and its predecessor's
 * stored hash, and compared with the stored hash in Java. Rows stream through a cursor, so a customer
 * with millions of events is checked in constant memory.
 */
@Service
public class HashChains {
    static final int MISMATCHES_SHOWN = 100;
    private static final HexFormat HEX = HexFormat.of();

    /** What the event's stored bytes and its predecessor's stored hash give now. */
    private static final Field<byte[]> COMPUTED_HASH = DSL.function("event_hash", DOMAINEVENTENTRY.HASH.getDataType(),
                    DSL.lag(DOMAINEVENTENTRY.HASH).over(DSL.partitionBy(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER)
                            .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)),
                    DOMAINEVENTENTRY.AGGREGATEIDENTIFIER, DOMAINEVENTENTRY.SEQUENCENUMBER,
                    DOMAINEVENTENTRY.PAYLOADTYPE, DOMAINEVENTENTRY.PAYLOAD, DOMAINEVENTENTRY.METADATA)
            .as("computed_hash");

    private final DSLContext sql;
    private final CursorReads cursors;

    public HashChains(DSLContext sql, CursorReads cursors) {
        this.sql = sql;
        this.cursors = cursors;
    }

    /** One aggregate of the customer's; another customer's or an unknown one is not found. */
    public ChainVerification verify(CustomerId customer, String aggregateId) {
        boolean owned = sql.fetchExists(DOMAINEVENTENTRY, DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId),
                DOMAINEVENTENTRY.CUSTOMER_ID.eq(customer.value()));
        if (!owned) {
            throw new NotFound("aggregate " + aggregateId);
        }
        List<ChainVerification> chains = new ArrayList<>(1);
        walk(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId), chains::add);
        return chains.get(0);
    }

    /**
     * All of the customer's aggregates. An event whose {@code customer_id} was changed drops out of
     * its chain here, so the next event of that chain does not match.
     */
    public CustomerVerification verify(CustomerId customer) {
        CustomerTally tally = new CustomerTally();
        walk(DOMAINEVENTENTRY.CUSTOMER_ID.eq(customer.value()), tally);
        return new CustomerVerification(customer.toString(), tally.aggregates, tally.events, tally.mismatched,
                List.copyOf(tally.shown), tally.mismatched == 0);
    }

    /** Hands each chain's verification to {@code done}, in aggregate id order. */
    private void walk(Condition events, Consumer<ChainVerification> done) {
        ResultQuery<Record> chains = sql.select(List.of(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER,
                        DOMAINEVENTENTRY.SEQUENCENUMBER, DOMAINEVENTENTRY.GLOBALINDEX, DOMAINEVENTENTRY.HASH,
                        COMPUTED_HASH))
                .from(DOMAINEVENTENTRY)
                .where(events)
                .orderBy(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER, DOMAINEVENTENTRY.SEQUENCENUMBER);
        ChainWalk walk = new ChainWalk(done);
        cursors.forEach(chains, walk::event);
        walk.finish();
    }

    /** Totals over a customer's chains, and the first mismatches to show. */
    private static final class CustomerTally implements Consumer<ChainVerification> {
        private long aggregates;
        private long events;
        private long mismatched;
        private final List<ChainVerification> shown = new ArrayList<>();

        @Override
        public void accept(ChainVerification chain) {
            aggregates++;
            events += chain.verifiedEvents();
            if (!chain.ok()) {
                mismatched++;
                if (shown.size() < MISMATCHES_SHOWN) {
                    shown.add(chain);
                }
            }
        }
    }

    /** Folds the events of an ordered walk into one verification per aggregate. */
    private static final class ChainWalk {
        private final Consumer<ChainVerification> done;
        private String aggregateId;
        private long events;
        private Mismatch first;

        ChainWalk(Consumer<ChainVerification> done) {
            this.done = done;
        }

        void event(Record r) {
            String aggregate = r.get(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER);
            if (!aggregate.equals(aggregateId)) {
                finish();
                aggregateId = aggregate;
            }
            events++;
            byte[] stored = r.get(DOMAINEVENTENTRY.HASH);
            byte[] computed = r.get(COMPUTED_HASH);
            if (first == null && !Arrays.equals(stored, computed)) {
                first = new Mismatch(r.get(DOMAINEVENTENTRY.SEQUENCENUMBER), r.get(DOMAINEVENTENTRY.GLOBALINDEX),
                        stored == null ? null : HEX.formatHex(stored), HEX.formatHex(computed));
            }
        }

        void finish() {
            if (aggregateId != null) {
                done.accept(new ChainVerification(aggregateId, events, first, first == null));
            }
            aggregateId = null;
            events = 0;
            first = null;
        }
    }
}
