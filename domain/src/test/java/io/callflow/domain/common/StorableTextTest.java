package io.callflow.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StorableTextTest {
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    @Test
    void a_nul_or_half_a_pair_in_a_value_is_found_with_its_pointer() {
        ObjectNode document = json.objectNode();
        document.putArray("actions").addObject().putObject("option").put("text", "x\u0000");

        assertThat(StorableText.check(document)).isEqualTo(new StorableText.Problem("/actions/0/option/text",
                "must not contain the NUL character (\\u0000)"));
        assertThat(StorableText.check(json.objectNode().put("name", "\uD83D\uDE00 a pair"))).isNull();
        assertThat(StorableText.problemOf("a\uDC00")).contains("unpaired UTF-16 surrogate");
    }

    /** Parsers refuse such names, but a document built in code can hold one: its pointer must be storable. */
    @Test
    void a_field_name_that_cannot_be_stored_is_named_with_the_replacement_character() {
        ObjectNode document = json.objectNode();
        document.putObject("option").put("a\uD800/b", 1);

        StorableText.Problem problem = StorableText.check(document);

        assertThat(problem.pointer()).isEqualTo("/option/a\uFFFD~1b");
        assertThat(StorableText.problemOf(problem.pointer())).isNull();
    }
}
