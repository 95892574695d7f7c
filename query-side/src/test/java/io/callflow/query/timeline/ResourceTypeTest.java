package io.callflow.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceTypeTest {

    @Test
    void each_timeline_path_names_the_package_its_events_live_in() {
        assertThat(ResourceType.fromPath("flows")).contains(ResourceType.FLOWS);
        assertThat(ResourceType.FLOWS.eventPackage()).isEqualTo("io.callflow.domain.flow.");
        assertThat(ResourceType.ACTIVEFLOWS.eventPackage()).isEqualTo("io.callflow.domain.activeflow.");
        assertThat(ResourceType.fromPath("calls")).contains(ResourceType.CALLS);
        assertThat(ResourceType.fromPath("conferences")).contains(ResourceType.CONFERENCES);
    }

    @Test
    void a_flow_event_package_is_not_mistaken_for_the_activeflow_one() {
        assertThat("io.callflow.domain.activeflow.ActionStarted").doesNotStartWith(ResourceType.FLOWS.eventPackage());
    }

    @Test
    void an_unknown_resource_type_has_no_timeline() {
        assertThat(ResourceType.fromPath("queues")).isEmpty();
        assertThat(ResourceType.fromPath("FLOWS")).isEmpty();
    }
}
