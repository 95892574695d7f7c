package io.callflow.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {
    private static final long YEAR_1 = -62_135_596_800L;
    private static final long YEAR_10000 = 253_402_300_800L;

    /** Instants over years 1 to 9999 at every precision the platform meets: seconds, millis, micros, nanos. */
    private static Instant[] instants() {
        SplittableRandom random = new SplittableRandom(42);
        Instant[] instants = new Instant[40_000];
        for (int i = 0; i < instants.length; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_1, YEAR_10000), random.nextInt(1_000_000_000));
            instants[i] = switch (i % 4) {
                case 0 -> instant.truncatedTo(ChronoUnit.SECONDS);
                case 1 -> instant.truncatedTo(ChronoUnit.MILLIS);
                case 2 -> instant.truncatedTo(ChronoUnit.MICROS);
                default -> instant;
            };
        }
        return instants;
    }

    @Test
    void writes_exactly_what_the_iso_instant_formatter_writes_and_reads_it_back() {
        for (Instant instant : instants()) {
            String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(InstantText.iso(instant)).isEqualTo(iso);
            assertThat(InstantText.parse(iso)).as(iso).isEqualTo(instant);
        }
    }

    @Test
    void writes_microseconds_as_the_voipbin_timestamp_pattern_does() {
        DateTimeFormatter voipbin = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(ZoneOffset.UTC);
        for (Instant instant : instants()) {
            assertThat(InstantText.micros(instant)).isEqualTo(voipbin.format(instant));
        }
    }

    @Test
    void reads_any_fraction_length_from_one_to_nine_digits() {
        for (String text : new String[] {"2026-12-08T00:47:58.2Z", "2026-12-08T00:47:58.26Z",
                "2026-12-08T00:47:58.2662Z", "2026-12-08T00:47:58.26623Z", "2026-12-08T00:47:58.26623211Z",
                "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
            assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-08T00:47:58", "2026-12-08T00:47:58.Z", "2026-12-08T00:47:58.1234567890Z",
            "2026-13-08T00:47:58Z", "2026-02-30T00:47:58Z", "2025-02-29T00:00:00Z", "2026-12-08T24:00:00Z",
            "2026-12-08T00:60:00Z", "2026-12-08T00:00:60Z", "2026-12-08 00:47:58Z", "2026-12-08T00:47:58+01:00",
            "+12026-12-08T00:47:58Z", "2026-1a-08T00:47:58Z", "20261208T004758Z", ""})
    void leaves_any_other_text_to_the_formatter(String text) {
        assertThat(InstantText.parse(text)).isNull();
    }

    @Test
    void the_platforms_json_reads_and_writes_instants_as_the_time_module_does() throws Exception {
        ObjectMapper platform = Json.mapper();
        ObjectMapper timeModule = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        for (Instant instant : Arrays.copyOf(instants(), 2_000)) {
            String written = timeModule.writeValueAsString(instant);
            assertThat(platform.writeValueAsString(instant)).isEqualTo(written);
            assertThat(platform.readValue(written, Instant.class)).isEqualTo(instant);
        }
        // beyond the one shape: the time module's own reading and writing
        assertThat(platform.readValue("\"2026-12-08T01:47:58+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-12-08T00:47:58Z"));
        assertThat(platform.readValue("1765154878.5", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_765_154_878, 500_000_000));
        assertThat(platform.writeValueAsString(Instant.ofEpochSecond(YEAR_10000)))
                .isEqualTo(timeModule.writeValueAsString(Instant.ofEpochSecond(YEAR_10000)));
    }
}
