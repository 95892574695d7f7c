package io.callflow.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void an_event_type_names_the_payload_type_its_record_is_stored_with() {
        assertThat(EventCatalogue.payloadTypes("action_started"))
                .contains(Set.of("io.callflow.domain.activeflow.ActionStarted"));
        assertThat(EventCatalogue.payloadTypes("flow_updated"))
                .contains(Set.of("io.callflow.domain.flow.FlowUpdated"));
        assertThat(EventCatalogue.payloadTypes("activeflow_created"))
                .contains(Set.of("io.callflow.domain.activeflow.ActiveflowCreated"));
    }

    @Test
    void a_name_no_event_has_names_nothing() {
        assertThat(EventCatalogue.payloadTypes("ActionStarted")).isEmpty();
        assertThat(EventCatalogue.payloadTypes("call_created")).isEmpty();
    }
}
