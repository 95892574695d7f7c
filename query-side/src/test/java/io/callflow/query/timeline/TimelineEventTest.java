package io.callflow.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimelineEventTest {
    private static final String STORED = "2026-11-23T10:00:00.000001Z";

    private static byte[] stored(String json) throws Exception {
        // as the event serializer stores it: written by the platform's mapper
        return Json.mapper().writeValueAsBytes(Json.mapper().readTree(json.replace('\'', '"')));
    }

    /** What the timeline wrote before it wrote stored JSON as is: each payload and metadata read into a tree. */
    private static String asTrees(TimelineEvent event, byte[] payload, byte[] metadata) throws Exception {
        ObjectNode expected = Json.mapper().valueToTree(event);
        expected.set("payload", Json.mapper().readTree(payload));
        expected.set("metadata", metadata == null ? Json.mapper().createObjectNode() : Json.mapper().readTree(metadata));
        return Json.mapper().writeValueAsString(expected);
    }

    @Test
    void payload_and_metadata_are_written_byte_for_byte_as_a_tree_of_them_would_be() throws Exception {
        byte[] payload = stored("{'activeflow_id':'a','at':'2026-11-23T10:00:01.5Z','option':{'price':12.5,"
                + "'big':12345678901234567890,'tiny':1.0E-7,'text':'caf\u00e9 \u2028 \\\"quoted\\\" \\n','list':[1,true,null]},"
                + "'customer_id':'c'}");
        byte[] metadata = stored("{'traceId':'t','correlationId':'c','actor':'accesskey:k'}");
        TimelineEvent event = TimelineEvent.stored("a", 3, "io.callflow.domain.activeflow.VariablesSet", payload,
                metadata, STORED);

        assertThat(Json.mapper().writeValueAsString(event)).isEqualTo(asTrees(event, payload, metadata));
        assertThat(event.timestamp()).isEqualTo("2026-11-23T10:00:01.500000Z");
        assertThat(event.actor()).isEqualTo("accesskey:k");
        assertThat(event.correlationId()).isEqualTo("t");
        assertThat(event.causationId()).isEqualTo("c");
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("caf\u00e9");
    }

    @Test
    void without_metadata_or_its_keys_the_actor_is_the_system_and_the_ids_are_null() throws Exception {
        byte[] payload = stored("{'at':{'nested':'2026-11-23T10:00:01Z'},'at_other':'x'}");
        TimelineEvent bare = TimelineEvent.stored("a", 0, "io.callflow.domain.flow.FlowCreated", payload, null, STORED);
        TimelineEvent partial = TimelineEvent.stored("a", 0, "io.callflow.domain.flow.FlowCreated", payload,
                stored("{'actor':null,'traceId':{'x':1}}"), STORED);

        assertThat(Json.mapper().writeValueAsString(bare)).isEqualTo(asTrees(bare, payload, null));
        assertThat(bare.actor()).isEqualTo("system");
        assertThat(bare.correlationId()).isNull();
        assertThat(bare.timestamp()).as("no usable 'at': when the store recorded it").isEqualTo("2026-11-23T10:00:00.000001Z");
        assertThat(partial.actor()).isEqualTo("system");
        assertThat(partial.correlationId()).isEmpty();
        JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(partial));
        assertThat(written.get("metadata").get("trace_id")).isNull();
        assertThat(written.get("metadata").get("traceId").get("x").asInt()).isEqualTo(1);
    }
}
