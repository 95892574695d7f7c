package io.callflow.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.callflow.domain.action.Action;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void nul_in_text_becomes_the_replacement_character_so_postgresql_accepts_it() {
        assertThat(Columns.text("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(Columns.text("plain")).isEqualTo("plain");
        assertThat(Columns.text(null)).isNull();
        assertThat(Columns.textOrEmpty(null)).isEmpty();
    }

    @Test
    void nul_in_json_strings_and_names_is_replaced_and_everything_else_kept() {
        var option = JsonNodeFactory.instance.objectNode().put("text", "hello\u0000world").put("n\u0000", 3);
        option.putArray("list").add("x\u0000").add(1.5);
        Action action = new Action(UUID.fromString("00000000-0000-0000-0000-000000000001"), null, "talk", option);

        String json = Columns.json(List.of(action)).data();

        assertThat(json).doesNotContain("\\u0000")
                .isEqualTo("[{\"id\":\"00000000-0000-0000-0000-000000000001\",\"next_id\":null,\"type\":\"talk\","
                        + "\"option\":{\"text\":\"hello\uFFFDworld\",\"n\uFFFD\":3,\"list\":[\"x\uFFFD\",1.5]}}]");
    }

    @Test
    void a_literal_backslash_u0000_in_text_is_not_mistaken_for_nul() {
        var option = JsonNodeFactory.instance.objectNode().put("text", "\\u0000");
        assertThat(Columns.json(option).data()).isEqualTo("{\"text\":\"\\\\u0000\"}");
    }

    @Test
    void a_missing_or_json_null_value_is_sql_null() {
        assertThat(Columns.json(null)).isNull();
        assertThat(Columns.json(NullNode.getInstance())).isNull();
        assertThat(Columns.json(com.fasterxml.jackson.databind.node.MissingNode.getInstance())).isNull();
    }

    @Test
    void a_value_without_nul_is_written_once_in_the_shape_its_tree_would_have() {
        var option = JsonNodeFactory.instance.objectNode().put("text", "hello").put("n", 3);
        option.putArray("list").add("x").add(1.5).addNull();
        Action action = new Action(UUID.fromString("00000000-0000-0000-0000-000000000001"), null, "talk", option);

        assertThat(Columns.json(List.of(action)).data()).isEqualTo(
                "[{\"id\":\"00000000-0000-0000-0000-000000000001\",\"next_id\":null,\"type\":\"talk\","
                        + "\"option\":{\"text\":\"hello\",\"n\":3,\"list\":[\"x\",1.5,null]}}]")
                .isEqualTo(io.callflow.domain.common.Json.mapper().valueToTree(List.of(action)).toString());
        assertThat(Columns.json(java.util.Map.of("at", java.time.Instant.parse("2026-11-23T20:00:00.123Z"))).data())
                .isEqualTo("{\"at\":\"2026-11-23T20:00:00.123Z\"}");
    }

    @Test
    void enum_values_are_written_lower_case_as_the_api_shows_them() {
        assertThat(Columns.name(io.callflow.domain.activeflow.StopReason.STOP_ACTION)).isEqualTo("stop_action");
        assertThat(Columns.name(null)).isNull();
    }
}
