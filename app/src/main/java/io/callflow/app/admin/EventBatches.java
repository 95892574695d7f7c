package io.callflow.app.admin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The event store read ahead by a thread of its own, in batches: while the rebuild writes one batch,
 * the next is read and deserialized, so reading and writing use both cores instead of taking turns.
 * At most two batches wait, so memory stays bounded however large the store.
 */
final class EventBatches implements AutoCloseable {
    /** Events of the store in order, and the token of the last one. */
    record Batch(List<EventMessage<?>> events, TrackingToken last) {
    }

    private static final Object END = new Object();

    private final Stream<? extends TrackedEventMessage<?>> stream;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private volatile boolean closed;

    EventBatches(Stream<? extends TrackedEventMessage<?>> stream, int size) {
        this.stream = stream;
        this.reader = new Thread(() -> read(size), "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next batch, or null after the last. */
    Batch next() throws InterruptedException {
        Object taken = ready.take();
        if (taken == END) {
            ready.put(END); // a later call ends too
            return null;
        }
        if (taken instanceof RuntimeException failure) {
            throw new IllegalStateException("reading the event store failed", failure);
        }
        return (Batch) taken;
    }

    private void read(int size) {
        try {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<EventMessage<?>> batch = new ArrayList<>(size);
            TrackingToken last = null;
            while (events.hasNext() && !closed) {
                TrackedEventMessage<?> event = events.next();
                event.getPayload(); // deserialized here, not on the writing thread
                batch.add(event);
                last = event.trackingToken();
                if (batch.size() == size) {
                    hand(new Batch(batch, last));
                    batch = new ArrayList<>(size);
                }
            }
            if (!batch.isEmpty()) {
                hand(new Batch(batch, last));
            }
            hand(END);
        } catch (RuntimeException e) {
            handQuietly(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(Object item) throws InterruptedException {
        while (!closed) {
            if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private void handQuietly(RuntimeException failure) {
        try {
            hand(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reader (also when the writer failed half way) and closes the store's stream. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.close();
        }
    }
}
