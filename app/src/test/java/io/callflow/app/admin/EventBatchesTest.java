package io.callflow.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class EventBatchesTest {

    private static Stream<TrackedEventMessage<?>> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(i), GenericEventMessage.asEventMessage("event " + i)));
    }

    @Test
    void every_event_comes_once_in_order_in_batches_with_the_last_token() throws Exception {
        List<Object> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (EventBatches batches = new EventBatches(events(12), 5)) {
            for (EventBatches.Batch batch = batches.next(); batch != null; batch = batches.next()) {
                sizes.add(batch.events().size());
                batch.events().forEach(e -> seen.add(e.getPayload()));
                assertThat(batch.last()).isEqualTo(new GlobalSequenceTrackingToken(seen.size() - 1));
            }
            assertThat(batches.next()).as("after the end, the end again").isNull();
        }
        assertThat(sizes).containsExactly(5, 5, 2);
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> "event " + i).toList());
    }

    @Test
    void a_failed_read_reaches_the_writer() {
        Stream<TrackedEventMessage<?>> failing = Stream.concat(events(3), Stream.<TrackedEventMessage<?>>generate(() -> {
            throw new IllegalStateException("connection lost");
        }).limit(1));
        try (EventBatches batches = new EventBatches(failing, 2)) {
            assertThatThrownBy(() -> {
                while (batches.next() != null) {
                    // drain until the failure arrives
                }
            }).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("connection lost");
        }
    }

    @Test
    void closing_half_way_stops_the_reader_and_closes_the_stream() throws Exception {
        AtomicBoolean streamClosed = new AtomicBoolean();
        Stream<TrackedEventMessage<?>> endless = Stream.<TrackedEventMessage<?>>iterate(
                new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(0), GenericEventMessage.asEventMessage(0)),
                e -> new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(0), GenericEventMessage.asEventMessage(0)))
                .onClose(() -> streamClosed.set(true));
        EventBatches batches = new EventBatches(endless, 100);
        List<EventMessage<?>> first = batches.next().events();
        assertThat(first).hasSize(100);
        batches.close();
        assertThat(streamClosed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("projection-rebuild-reader")
                && t.isAlive());
    }
}
