package io.callflow.query.events;

import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.flow.FlowEvent;
import io.callflow.domain.number.NumberEvent;
import io.callflow.domain.trunk.TrunkEvent;
import io.callflow.query.timeline.EventTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every event record the platform stores, by its event type, so a filter on {@code action_started}
 * becomes an equality on the stored payload type (which the database can check cheaply) rather than a
 * pattern over every row's type.
 */
final class EventCatalogue {
    /** Each aggregate's events are one sealed interface; its permitted records are all there are. */
    private static final List<Class<?>> FAMILIES = List.of(FlowEvent.class, ActiveflowEvent.class,
            NumberEvent.class, TrunkEvent.class);

    private static final Map<String, Set<String>> PAYLOAD_TYPES = FAMILIES.stream()
            .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
            .map(Class::getName)
            .collect(Collectors.groupingBy(EventTypes::of, Collectors.toUnmodifiableSet()));

    private EventCatalogue() {
    }

    /** The stored payload types of an event type; empty if no event has that type. */
    static Optional<Set<String>> payloadTypes(String eventType) {
        return Optional.ofNullable(PAYLOAD_TYPES.get(eventType));
    }
}
