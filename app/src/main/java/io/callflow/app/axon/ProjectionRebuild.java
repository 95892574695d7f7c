package io.callflow.app.axon;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the event store: stops its processor, resets its
 * tokens (the projection's {@code @ResetHandler} empties its tables in the same
 * step), starts it again and waits until it has caught up with the store.
 */
@Component
public class ProjectionRebuild {
    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    public void rebuild(String processingGroup, Duration limit) throws InterruptedException {
        TrackingEventProcessor processor = processing
                .eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no tracking processor " + processingGroup));
        processor.shutDown();
        long head = events.createHeadToken().position().orElse(0);
        processor.resetTokens();
        processor.start();
        Instant deadline = Instant.now().plus(limit);
        while (!reached(processor, head)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(processingGroup + " did not catch up within " + limit);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Whether every segment has processed the store up to {@code head}, the last event when the rebuild began.
     * (Axon calls a processor "replaying" until an event beyond that point arrives, so that flag cannot tell.)
     */
    private static boolean reached(TrackingEventProcessor processor, long head) {
        var status = processor.processingStatus();
        if (status.isEmpty() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return false;
        }
        return status.values().stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(-1) >= head);
    }
}
