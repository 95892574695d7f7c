package io.callflow.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestJsonTest {

    private static BadRequest refused(String body) {
        return catchThrowableOfType(BadRequest.class,
                () -> RequestJson.object(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_name_given_twice_is_refused_with_its_pointer() {
        BadRequest e = refused("{\"name\":\"a\",\"actions\":[{\"type\":\"empty\",\"type\":\"stop\"}]}");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/actions/0/type");
            assertThat(p.message()).contains("Duplicate field 'type'");
        });
    }

    @Test
    void malformed_json_says_where_without_the_parsers_internals_and_the_message_has_no_empty_pointer() {
        BadRequest e = refused("{\"actions\":[}");

        Problem problem = e.problems().get(0);
        assertThat(problem.pointer()).isEmpty();
        assertThat(problem.message()).startsWith("malformed JSON at line 1, column 13: ")
                .doesNotContain("Source").doesNotContain("REDACTED");
        assertThat(e.getMessage()).isEqualTo(problem.message());
        assertThat(refused("{\"n\": Infinity}").problems().get(0).message()).doesNotContain("enable `");
    }

    @Test
    void an_unpaired_surrogate_is_refused_with_its_pointer_and_a_pair_is_kept() {
        assertThat(refused("{\"name\":\"a\\ud800b\",\"actions\":[]}").problems())
                .containsExactly(new Problem("/name", "must not contain an unpaired UTF-16 surrogate (such as \\ud800 alone)"));
        assertThat(refused("{\"actions\":[{\"option\":{\"text\":\"x\\udc00\"}}]}").problems().get(0).pointer())
                .isEqualTo("/actions/0/option/text");
        assertThat(RequestJson.object("{\"name\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8))
                .get("name").asText()).isEqualTo("\uD83D\uDE00");
    }

    /** The parser itself refuses half a pair in a field name: a 400 that says so, never a 500. */
    @Test
    void a_field_name_with_an_unpaired_surrogate_is_refused_as_malformed() {
        Problem problem = refused("{\"actions\":[{\"option\":{\"a\\udc00\":1}}]}").problems().get(0);

        assertThat(problem.message()).startsWith("malformed JSON at line 1, column 32: ")
                .contains("surrogate in field name");
    }

    @Test
    void a_document_nested_too_deeply_is_refused_in_plain_words() {
        String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
        assertThat(refused(deep).problems().get(0).message()).contains("nesting depth").doesNotContain("`");
    }
}
