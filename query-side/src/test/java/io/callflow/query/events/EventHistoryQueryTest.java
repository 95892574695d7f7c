package io.callflow.query.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventHistoryQueryTest {

    @Test
    void no_parameters_mean_every_event_oldest_first() {
        assertThat(EventHistoryQuery.parse(null, "", null, " ", null))
                .isEqualTo(new EventHistoryQuery(null, null, null, null, false));
    }

    @Test
    void parameters_are_read_in_the_form_the_store_keeps() {
        EventHistoryQuery query = EventHistoryQuery.parse("6F1C3A52-8D0E-4F4B-9A57-0F3E2B1C9D11", "action_started",
                "2026-01-15T10:30:00.1234567+01:00", "2026-01-16 00:00:00", "desc");
        assertThat(query.aggregateId()).isEqualTo("6f1c3a52-8d0e-4f4b-9a57-0f3e2b1c9d11");
        assertThat(query.payloadTypes()).containsExactly("io.callflow.domain.activeflow.ActionStarted");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-01-15T09:30:00.123456Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
        assertThat(query.newestFirst()).isTrue();
    }

    @Test
    void every_bad_parameter_is_reported_at_once_with_its_pointer() {
        assertThatThrownBy(() -> EventHistoryQuery.parse("x", "no_such_event", "soon", "later", "random"))
                .isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).problems()).extracting(Problem::pointer)
                        .containsExactly("/aggregate_id", "/event_type", "/from", "/to", "/order"));
    }

    @Test
    void a_range_must_end_after_it_starts() {
        assertThatThrownBy(() -> EventHistoryQuery.parse(null, null, "2026-01-15T09:30:00Z", "2026-01-15T09:30:00Z",
                null)).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).problems()).extracting(Problem::pointer)
                        .containsExactly("/to"));
    }
}
