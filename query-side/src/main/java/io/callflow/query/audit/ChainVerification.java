package io.callflow.query.audit;

/**
 * One aggregate's hash chain, recomputed from the stored bytes.
 *
 * @param aggregateId    the aggregate
 * @param verifiedEvents how many of its events were checked (all of them)
 * @param firstMismatch  the first event that no longer matches, or null
 * @param ok             whether every event matches
 */
public record ChainVerification(String aggregateId, long verifiedEvents, Mismatch firstMismatch, boolean ok) {
}
