package io.callflow.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.domain.common.BadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageSizeTest {

    @Test
    void an_absent_or_empty_page_size_means_100() {
        assertThat(PageSize.parse(null)).isEqualTo(100);
        assertThat(PageSize.parse("")).isEqualTo(100);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "7,7", "100,100", "007,7", "+5,5"})
    void a_page_size_from_1_to_100_is_kept(String text, int expected) {
        assertThat(PageSize.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "1000", "99999999999999999999", "-99999999999999999999"})
    void a_whole_number_out_of_1_to_100_quietly_becomes_100(String text) {
        assertThat(PageSize.parse(text)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "10x", "1e2"})
    void a_page_size_that_is_not_a_whole_number_is_a_bad_request(String text) {
        assertThatThrownBy(() -> PageSize.parse(text)).isInstanceOf(BadRequest.class)
                .satisfies(e -> assertThat(((BadRequest) e).problems().get(0).pointer()).isEqualTo("/page_size"));
    }
}
