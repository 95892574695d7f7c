package io.callflow.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypesTest {

    @ParameterizedTest
    @CsvSource({
            "io.callflow.domain.activeflow.ActionStarted, action_started",
            "io.callflow.domain.activeflow.ActiveflowCreated, activeflow_created",
            "io.callflow.domain.flow.FlowDeleted, flow_deleted",
            "io.callflow.domain.activeflow.Jumped, jumped",
            "io.callflow.domain.call.Calls$TalkFinished, talk_finished",
            "io.callflow.domain.call.DTMFReceived, dtmf_received",
            "io.callflow.domain.call.Leg2Answered, leg2_answered"})
    void an_event_type_is_the_records_simple_name_in_snake_case(String payloadType, String expected) {
        assertThat(EventTypes.of(payloadType)).isEqualTo(expected);
    }
}
