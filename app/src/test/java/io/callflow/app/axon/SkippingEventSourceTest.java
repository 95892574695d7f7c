package io.callflow.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SkippingEventSourceTest {
    private record Handled(int n) {
    }

    private record Ignored(int n) {
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void append(Object... payloads) {
        long sequence = 0;
        for (Object payload : payloads) {
            store.publish(new GenericDomainEventMessage<>("test", "aggregate", sequence++, payload));
        }
    }

    @Test
    void once_a_type_is_skipped_the_stream_never_hands_out_an_event_of_it_again() throws Exception {
        append(new Ignored(1), new Handled(2), new Ignored(3), new Ignored(4), new Handled(5), new Ignored(6));
        try (BlockingStream<TrackedEventMessage<?>> stream = new SkippingEventSource(store).openStream(null)) {
            TrackedEventMessage<?> first = stream.nextAvailable();
            assertThat(first.getPayload()).isEqualTo(new Ignored(1));
            stream.skipMessagesWithPayloadTypeOf(first);

            assertThat(stream.peek()).get().extracting(TrackedEventMessage::getPayload).isEqualTo(new Handled(2));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Handled(2));
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.peek()).get().extracting(TrackedEventMessage::getPayload).isEqualTo(new Handled(5));
            TrackedEventMessage<?> fifth = stream.nextAvailable();
            assertThat(fifth.getPayload()).isEqualTo(new Handled(5));
            // the token moves with the events handed out: the stream's last one is where a processor stays
            assertThat(fifth.trackingToken().position()).hasValue(4L);
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).as("only a skipped event is left").isFalse();

            append(new Handled(7));
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Handled(7));
        }
    }

    @Test
    void without_a_skip_every_event_is_handed_out_in_order() throws Exception {
        append(new Ignored(1), new Handled(2), new Ignored(3));
        try (BlockingStream<TrackedEventMessage<?>> stream = new SkippingEventSource(store).openStream(null)) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Ignored(1));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Handled(2));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Ignored(3));
        }
    }
}
