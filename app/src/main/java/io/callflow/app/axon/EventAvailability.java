package io.callflow.app.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the pooled streaming processors read it, telling them when new events are
 * there (decision 0012).
 * <p>
 * A pooled streaming processor's coordinator asks its stream for a callback when events become
 * available ({@code BlockingStream.setOnAvailableCallback}); a stream that cannot give one (the
 * {@code EmbeddedEventStore}'s cannot) makes the coordinator look again every 500 ms, and so
 * every event reached its handlers up to 500 ms after it was stored. Here one thread, the
 * watcher, reads the store's shared stream of new events like any other tailing consumer
 * (blocking until the store's producer has the next event, no polling) and calls the callback
 * of every open stream when it got some: by then the events are in the store's cache, where the
 * coordinators' own streams find them. An event after a quiet spell is reported at once; what
 * arrives within {@link #COALESCE} of the last report is reported together when that time is up,
 * so under load each coordinator is woken at most 100 times a second, not for every commit, and
 * takes what came meanwhile in one go (measured on an in-memory store at ~870 commits/s: about
 * the CPU of the 500 ms polling; 5 ms cost ~20 % more). A stream that was told and finds nothing waits up to
 * {@link #GRACE} on the store's own signal (a wait, not a poll) before it answers so.
 * <p>
 * The watcher starts when a processor's stream first runs out of events, at that stream's
 * position: by then that stream tails the store's cache, so the watcher neither decides where
 * the store's producer starts reading nor lags behind it, and its positions are derived from
 * the same events as the processor's (a position of its own, e.g. the head, may differ in its
 * gaps and then never be found in the cache).
 * <p>
 * What the processors read, in which order, and how they claim segments and store tokens is the
 * store's and Axon's as before: only when a coordinator looks again changes.
 */
final class EventAvailability implements AutoCloseable {
    /** How long after one report new events may wait to be reported with others. */
    static final Duration COALESCE = Duration.ofMillis(10);
    /**
     * How long a stream that was told of new events and finds none waits for them on the store's
     * own signal: the watcher may have read them from the database a moment before the store's
     * producer put them where the processors' streams read (its cache).
     */
    static final Duration GRACE = Duration.ofMillis(20);
    private static final Logger log = LoggerFactory.getLogger(EventAvailability.class);

    private final Set<Stream> listening = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final long coalesceNanos;
    private volatile boolean closed;
    private volatile Thread watcher;

    EventAvailability() {
        this(COALESCE);
    }

    EventAvailability(Duration coalesce) {
        this.coalesceNanos = coalesce.toNanos();
    }

    /** {@code store} as a message source whose streams call back when events are available. */
    StreamableMessageSource<TrackedEventMessage<?>> of(EventStore store) {
        return new Source(store);
    }

    /** Stops the watcher: streams opened later fall back to their coordinator's own rhythm. */
    @Override
    public void close() {
        closed = true;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void startWatching(EventStore store, TrackingToken from) {
        if (closed || !started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> watch(store, from), "EventAvailability");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    private void watch(EventStore store, TrackingToken from) {
        TrackingToken position = from;
        long lastReport = System.nanoTime() - coalesceNanos;
        while (!closed) {
            BlockingStream<TrackedEventMessage<?>> stream = null;
            try {
                stream = store.openStream(position);
                // whatever was stored while nobody watched
                report();
                while (!closed) {
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        continue;
                    }
                    position = drain(stream, position);
                    long wait = lastReport + coalesceNanos - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                        if (Thread.interrupted()) {
                            return;
                        }
                        position = drain(stream, position);
                    }
                    report();
                    lastReport = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // whatever went wrong, the watcher goes on: streams that were promised callbacks wait for them
                if (closed) {
                    return;
                }
                log.warn("watching for new events failed, reopening in 1 s: {}", e.toString());
                report();
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            } finally {
                if (stream != null) {
                    stream.close();
                }
            }
        }
    }

    /** Takes every event the stream has now, without waiting; returns the position after them. */
    private static TrackingToken drain(BlockingStream<TrackedEventMessage<?>> stream, TrackingToken position) throws InterruptedException {
        TrackingToken last = position;
        while (stream.hasNextAvailable()) {
            last = stream.nextAvailable().trackingToken();
        }
        return last;
    }

    private void report() {
        for (Stream stream : listening) {
            Runnable callback = stream.callback;
            if (callback == null) {
                continue;
            }
            stream.reported = true;
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("an event availability callback failed: {}", e.toString());
            }
        }
    }

    private final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {
        private final EventStore store;

        Source(EventStore store) {
            this.store = store;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            return new Stream(store, store.openStream(token), token);
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

        @Override
        public TrackingToken createTokenSince(Duration duration) {
            return store.createTokenSince(duration);
        }
    }

    /** One processor's stream: the store's, and the callback. Read by its coordinator's thread only. */
    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private final EventStore store;
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private TrackingToken position;
        private volatile Runnable callback;
        /** Reported since this stream last looked: it may wait {@link #GRACE} for what was reported. */
        private volatile boolean reported;

        Stream(EventStore store, BlockingStream<TrackedEventMessage<?>> delegate, TrackingToken position) {
            this.store = store;
            this.delegate = delegate;
            this.position = position;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            boolean available;
            if (reported && unit.toNanos(timeout) < GRACE.toNanos()) {
                reported = false;
                available = delegate.hasNextAvailable((int) GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                available = delegate.hasNextAvailable(timeout, unit);
            }
            if (!available && callback != null && !started.get()) {
                // this stream has read all there is and now tails the store's cache: watch from here
                startWatching(store, position);
            }
            return available;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = delegate.nextAvailable();
            position = event.trackingToken();
            return event;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (closed) {
                return false;
            }
            this.callback = callback;
            listening.add(this);
            return true;
        }

        @Override
        public void close() {
            listening.remove(this);
            callback = null;
            delegate.close();
        }
    }
}
