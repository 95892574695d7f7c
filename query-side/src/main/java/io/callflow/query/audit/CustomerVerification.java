package io.callflow.query.audit;

import java.util.List;

/**
 * Every hash chain of one customer, recomputed from the stored bytes.
 *
 * @param customerId           the customer
 * @param verifiedAggregates   how many aggregates were checked
 * @param verifiedEvents       how many events were checked
 * @param mismatchedAggregates how many aggregates have an event that no longer matches
 * @param mismatches           those aggregates' first mismatches, in aggregate id order, at most
 *                             {@value HashChains#MISMATCHES_SHOWN}
 * @param ok                   whether every event of every aggregate matches
 */
public record CustomerVerification(String customerId, long verifiedAggregates, long verifiedEvents,
                                   long mismatchedAggregates, List<ChainVerification> mismatches, boolean ok) {
}
