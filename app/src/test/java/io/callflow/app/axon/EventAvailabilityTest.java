package io.callflow.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventAvailabilityTest {
    private EmbeddedEventStore store;
    private EventAvailability availability;

    @BeforeEach
    void store() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        availability = new EventAvailability();
    }

    @AfterEach
    void close() {
        availability.close();
        store.shutDown();
    }

    @Test
    void a_stream_that_ran_out_is_called_back_when_an_event_is_stored_and_then_has_it() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("before"));
        BlockingStream<TrackedEventMessage<?>> stream = availability.of(store).openStream(null);
        CountDownLatch called = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
        assertThat(stream.hasNextAvailable()).isFalse();

        // the watcher started when the stream ran out, and reports once when it opened its own
        assertThat(called.await(5, TimeUnit.SECONDS)).as("the watcher's first report").isTrue();
        CountDownLatch later = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(later::countDown)).isTrue();
        store.publish(GenericEventMessage.asEventMessage("after"));

        assertThat(later.await(5, TimeUnit.SECONDS)).as("called back").isTrue();
        // called back once the event is where the stream reads it: no waiting for it
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
        stream.close();
    }

    @Test
    void a_closed_stream_is_not_called_back() throws Exception {
        StreamableMessageSource<TrackedEventMessage<?>> source = availability.of(store);
        BlockingStream<TrackedEventMessage<?>> open = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        AtomicInteger openCalls = new AtomicInteger();
        AtomicInteger closedCalls = new AtomicInteger();
        open.setOnAvailableCallback(openCalls::incrementAndGet);
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        assertThat(open.hasNextAvailable()).isFalse();
        // the watcher starts here and first reports what was stored while nobody watched, to both streams
        await().atMost(Duration.ofSeconds(5)).until(() -> openCalls.get() > 0);
        closed.close();
        int closedBefore = closedCalls.get();
        int openBefore = openCalls.get();

        store.publish(GenericEventMessage.asEventMessage("one"));
        await().atMost(Duration.ofSeconds(5)).until(() -> openCalls.get() > openBefore);
        assertThat(closedCalls).hasValue(closedBefore);
        open.close();
    }

    @Test
    void tokens_are_the_stores() {
        StreamableMessageSource<TrackedEventMessage<?>> source = availability.of(store);
        store.publish(GenericEventMessage.asEventMessage("one"));
        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(source.createTailToken()).isEqualTo(store.createTailToken());
    }

    /**
     * Axon's own pooled streaming processor on the stream: each handled event stores the next, as
     * a sync webhook's response does. Reading the store directly, each link took 500 ms.
     */
    @Test
    void a_pooled_streaming_processor_handles_a_chain_of_twenty_events_without_waiting_for_its_polls() throws Exception {
        List<Long> handledAt = new CopyOnWriteArrayList<>();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("chain")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(
                        (org.axonframework.eventhandling.EventMessageHandler) (EventMessage<?> event) -> {
                            handledAt.add(System.nanoTime());
                            int link = (Integer) event.getPayload();
                            if (link < 20) {
                                store.publish(GenericEventMessage.asEventMessage(link + 1));
                            }
                            return null;
                        }).build())
                .messageSource(availability.of(store))
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(1)
                .build();
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> processor.processingStatus().values().stream()
                    .anyMatch(status -> status.isCaughtUp()));
            Thread.sleep(600); // well past a 500 ms poll of the coordinator's, so the first link is no exception
            long start = System.nanoTime();
            store.publish(GenericEventMessage.asEventMessage(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> handledAt.size() == 20);
            // polling, each of the 19 links would wait for the coordinator's 500 ms poll: 9.5 s at least
            assertThat(Duration.ofNanos(handledAt.get(19) - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
