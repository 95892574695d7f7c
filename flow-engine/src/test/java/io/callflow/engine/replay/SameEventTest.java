package io.callflow.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionOutcome;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SameEventTest {
    private static final ActiveflowId ACTIVEFLOW = new ActiveflowId(UUID.fromString("6c1d2b8e-0000-4000-8000-000000000001"));
    private static final CustomerId CUSTOMER = new CustomerId(UUID.fromString("6c1d2b8e-0000-4000-8000-000000000002"));
    private static final UUID ACTION = UUID.fromString("6c1d2b8e-0000-4000-8000-000000000003");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ActionFinished finished(String reason, JsonNode result) {
        return new ActionFinished(ACTIVEFLOW, CUSTOMER, 3, ACTION, ActionOutcome.COMPLETED, reason, result, AT);
    }

    /** As the event store gives it back. */
    private static ActionFinished stored(ActionFinished event) throws Exception {
        return Json.mapper().readValue(Json.mapper().writeValueAsBytes(event), ActionFinished.class);
    }

    @Test
    void a_missing_result_and_a_json_null_are_the_same_as_stored() throws Exception {
        ActionFinished replayed = finished(null, null);
        ActionFinished recorded = stored(replayed);

        assertThat(recorded).isNotEqualTo(replayed);
        assertThat(SameEvent.test(recorded, replayed)).isTrue();
        assertThat(SameEvent.test(finished(null, NODES.nullNode()), replayed)).isTrue();
    }

    @Test
    void integral_numbers_of_the_same_value_are_the_same_whatever_their_node_type() {
        JsonNode asInt = NODES.objectNode().put("n", 7);
        JsonNode asLong = NODES.objectNode().put("n", 7L);

        assertThat(SameEvent.test(finished("r", asInt), finished("r", asLong))).isTrue();
        assertThat(SameEvent.test(finished(null, asInt), finished(null, NODES.objectNode().put("n", 8L)))).isFalse();
    }

    @Test
    void any_other_difference_is_a_difference_even_next_to_a_null_result() throws Exception {
        ActionFinished recorded = stored(finished("timeout", null));

        assertThat(SameEvent.test(recorded, finished("busy", null))).isFalse();
        assertThat(SameEvent.test(recorded, finished("timeout", NODES.textNode("x")))).isFalse();
        assertThat(SameEvent.test(recorded, new ActionFinished(ACTIVEFLOW, CUSTOMER, 4, ACTION,
                ActionOutcome.COMPLETED, "timeout", null, AT))).isFalse();
    }
}
