package io.callflow.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.domain.common.BadRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListCursorTest {
    private static final UUID ID = UUID.fromString("6f1c3a52-8d0e-4f4b-9a57-0f3e2b1c9d11");

    @Test
    void the_next_page_token_is_the_last_rows_voipbin_timestamp_and_id() {
        assertThat(ListCursor.after(Instant.parse("2026-01-15T09:30:00.123456Z"), ID))
                .isEqualTo("2026-01-15T09:30:00.123456Z_6f1c3a52-8d0e-4f4b-9a57-0f3e2b1c9d11");
    }

    @Test
    void a_token_we_made_reads_back_as_the_same_row() {
        Instant at = Instant.parse("2026-01-15T09:30:00.000001Z");
        assertThat(ListCursor.parse(ListCursor.after(at, ID))).contains(new ListCursor(at, ID));
    }

    @Test
    void a_bare_voipbin_timestamp_means_created_before_it() {
        assertThat(ListCursor.parse("2026-01-15T09:30:00.000000Z"))
                .contains(new ListCursor(Instant.parse("2026-01-15T09:30:00Z"), null));
        assertThat(ListCursor.parse("2026-01-15 09:30:00.500000"))
                .contains(new ListCursor(Instant.parse("2026-01-15T09:30:00.5Z"), null));
    }

    @Test
    void an_absent_or_empty_token_starts_from_now() {
        assertThat(ListCursor.parse(null)).isEqualTo(Optional.empty());
        assertThat(ListCursor.parse("")).isEqualTo(Optional.empty());
    }

    @Test
    void a_timestamp_finer_than_a_microsecond_is_cut_to_what_postgresql_stores() {
        assertThat(ListCursor.parse("2026-01-15T09:30:00.123456789Z").orElseThrow().before())
                .isEqualTo(Instant.parse("2026-01-15T09:30:00.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-01-15", "2026-01-15T09:30:00.000000Z_", "2026-01-15T09:30:00Z_abc",
            "_" + "6f1c3a52-8d0e-4f4b-9a57-0f3e2b1c9d11"})
    void a_token_we_cannot_read_is_a_bad_request(String token) {
        assertThatThrownBy(() -> ListCursor.parse(token)).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).problems().get(0).pointer()).isEqualTo("/page_token"));
    }
}
