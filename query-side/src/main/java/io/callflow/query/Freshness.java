package io.callflow.query;

import java.util.UUID;

/**
 * Read-your-writes for the projections: a read waits, briefly, until the projection it reads has handled every
 * event stored before the read began. Commands answer once their events are stored, and projections follow
 * a few milliseconds later; without this, a {@code GET} right after a {@code POST}, {@code PUT}, stop or delete
 * could still see the resource as it was (or not at all).
 *
 * <p>The wait is bounded: a projection that is far behind (during a rebuild's swap, say) answers with what it
 * has when the bound runs out, as before.
 */
public interface Freshness {
    /** Waits until the projection of {@code processingGroup} has handled every event of {@code aggregateId} stored so far. */
    void awaitAggregate(String processingGroup, UUID aggregateId);

    /** Waits until the projection of {@code processingGroup} has handled every event stored so far. */
    void awaitAll(String processingGroup);
}
