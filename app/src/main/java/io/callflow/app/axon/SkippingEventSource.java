package io.callflow.app.axon;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store for a processor that handles few of its events (effects, on-complete chains,
 * call media): its streams honour Axon's {@link BlockingStream#skipMessagesWithPayloadTypeOf}, which
 * a processor calls for an event of a type none of its handlers takes, by never handing it an
 * event of that type again. The embedded event store ignores that call, so each such processor's
 * coordinator offered every event to each of its work packages: about a quarter of the platform's
 * CPU under a load of flows that use neither effects nor calls (JFR, ActiveflowThroughput).
 *
 * <p>What is skipped is decided from the stored payload type, without deserializing the payload.
 * A skipped event moves no token: the processor's token stays at the last event it was given, so
 * after a restart it reads the skipped ones again and skips them again. Its position therefore
 * trails the head while nothing it handles happens; {@code isCaughtUp()} still says when it has
 * nothing left to do.
 */
final class SkippingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    SkippingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** One processor's stream: the store's, less the payload types that processor said it skips. */
    static final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private final Set<Class<?>> skipped = ConcurrentHashMap.newKeySet();

        Stream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            dropSkippedAhead();
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (events.hasNextAvailable((int) Math.min(Integer.MAX_VALUE, Math.max(0, deadline - System.nanoTime())
                    / 1_000), TimeUnit.MICROSECONDS)) {
                if (!dropSkippedAhead()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            while (skipped.contains(next.getPayloadType())) {
                next = events.nextAvailable();
            }
            return next;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skipped.add(ignoredMessage.getPayloadType());
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            events.close();
        }

        /** Takes skipped events off the front of what is available now; true if it took any. */
        private boolean dropSkippedAhead() {
            boolean dropped = false;
            Optional<TrackedEventMessage<?>> next = events.peek();
            while (next.isPresent() && skipped.contains(next.get().getPayloadType())) {
                try {
                    events.nextAvailable();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return dropped;
                }
                dropped = true;
                next = events.peek();
            }
            return dropped;
        }
    }
}
