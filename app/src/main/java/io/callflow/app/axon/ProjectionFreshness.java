package io.callflow.app.axon;

import io.callflow.query.Freshness;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link Freshness} from the processors' own tokens: the read looks up the global index of the last event it
 * must see (one index lookup in the event store) and waits until every segment of the projection's processor
 * on this node has handled it. A token that passed the index while the event's transaction was still open holds
 * it as a gap, and that does not count as handled.
 */
@Component
public class ProjectionFreshness implements Freshness {
    /** Longest a read waits; a projection keeps up within milliseconds unless it is rebuilding or failing. */
    static final Duration LIMIT = Duration.ofSeconds(3);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ProjectionFreshness(EventProcessingConfiguration processing, DataSource dataSource) {
        this.processing = processing;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void awaitAggregate(String processingGroup, UUID aggregateId) {
        Long last = jdbc.query("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber DESC LIMIT 1",
                rs -> rs.next() ? rs.getLong(1) : null, aggregateId.toString());
        if (last != null) {
            await(processingGroup, last);
        }
    }

    @Override
    public void awaitAll(String processingGroup) {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        if (head != null) {
            await(processingGroup, head);
        }
    }

    private void await(String processingGroup, long index) {
        StreamingEventProcessor processor = processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null) {
            return;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long pause = 1;
        while (!handled(processor.processingStatus(), index) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 20);
        }
    }

    /**
     * True when every segment claimed here has handled the event at {@code index}. With none claimed here
     * (another node has them, or the processor is between claims) nothing can be known and the read does
     * not wait: it answers with what the projection has, as it did before read-your-writes.
     */
    static boolean handled(Map<Integer, EventTrackerStatus> segments, long index) {
        for (EventTrackerStatus segment : segments.values()) {
            if (!handled(segment.getTrackingToken(), index)) {
                return false;
            }
        }
        return true;
    }

    static boolean handled(TrackingToken token, long index) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        return current.position().orElse(-1) >= index;
    }
}
