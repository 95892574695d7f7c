package io.callflow.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TonesTest {
    private static final int RATE = Tones.SAMPLE_RATE;

    @Test
    void beep_is_250_ms_of_1000_hz() {
        short[] beep = Tones.named("beep", 0);

        assertThat(beep).hasSize(2_000);
        assertThat(Goertzel.energyShare(beep, 1000, RATE)).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @CsvSource({"1,697,1209", "5,770,1336", "9,852,1477", "0,941,1336", "*,941,1209", "#,941,1477", "D,941,1633"})
    void dtmf_key_sounds_its_row_and_column_frequencies(char key, int row, int column) {
        short[] tone = Tones.named("dtmf:" + key, 0);

        assertThat(tone).hasSize(800);
        assertThat(Goertzel.energyShare(tone, row, RATE)).isBetween(0.4, 0.6);
        assertThat(Goertzel.energyShare(tone, column, RATE)).isBetween(0.4, 0.6);
        for (int other : new int[]{697, 770, 852, 941, 1209, 1336, 1477, 1633}) {
            if (other != row && other != column) {
                assertThat(Goertzel.energyShare(tone, other, RATE)).as("%d Hz", other).isLessThan(0.02);
            }
        }
    }

    @Test
    void us_ringback_is_440_and_480_hz_two_seconds_on_four_off() {
        short[] ringback = Tones.named("ringback:us", 0);

        assertThat(ringback).hasSize(6 * RATE);
        double on = Goertzel.energyShare(ringback, 0, 2 * RATE, 440, RATE)
                + Goertzel.energyShare(ringback, 0, 2 * RATE, 480, RATE);
        assertThat(on).isGreaterThan(0.95);
        assertThat(Pcm.rms(ringback, 2 * RATE + 8, 4 * RATE - 8)).isZero();
    }

    @Test
    void uk_ringback_has_its_double_ring_cadence() {
        short[] ringback = Tones.named("ringback:uk", 0);
        int ms = RATE / 1000;

        assertThat(ringback).hasSize(3000 * ms);
        assertThat(Pcm.rms(ringback, 20 * ms, 360 * ms)).isGreaterThan(1000);
        assertThat(Pcm.rms(ringback, 410 * ms, 180 * ms)).isZero();
        assertThat(Pcm.rms(ringback, 620 * ms, 360 * ms)).isGreaterThan(1000);
        assertThat(Pcm.rms(ringback, 1010 * ms, 1980 * ms)).isZero();
        assertThat(Goertzel.energyShare(ringback, 0, 400 * ms, 400, RATE)
                + Goertzel.energyShare(ringback, 0, 400 * ms, 450, RATE)).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @CsvSource({"us,480,500", "uk,400,375", "gb,400,375", "de,425,480", "fr,440,500", "jp,400,500"})
    void busy_tone_has_the_national_frequency_and_cadence(String country, int frequency, int onMs) {
        short[] busy = Tones.named("busy:" + country, 0);
        int on = onMs * RATE / 1000;

        assertThat(busy).hasSize(2 * on);
        assertThat(Goertzel.energyShare(busy, 0, on, frequency, RATE)).isGreaterThan(0.4);
        assertThat(Pcm.rms(busy, on + 8, on - 8)).isZero();
    }

    @Test
    void a_duration_repeats_the_cadence() {
        short[] busy = Tones.named("busy:us", 2_500);

        assertThat(busy).hasSize(20_000);
        assertThat(Pcm.rms(busy, 16_000 + 100, 3_000)).isGreaterThan(1000);
    }

    @Test
    void japanese_and_french_and_german_ringback_are_known() {
        assertThat(Tones.named("ringback:jp", 0)).hasSize(3 * RATE);
        assertThat(Tones.named("ringback:fr", 0)).hasSize(5 * RATE);
        assertThat(Goertzel.energyShare(Tones.named("ringback:de", 0), 0, RATE, 425, RATE)).isGreaterThan(0.95);
    }

    @Test
    void silence_is_silent() {
        assertThat(Pcm.rms(Tones.named("silence", 300))).isZero();
        assertThat(Tones.named("silence", 300)).hasSize(2_400);
    }

    @Test
    void unknown_names_and_countries_are_refused() {
        assertThatThrownBy(() -> Tones.named("fanfare", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tones.named("busy:zz", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tones.named("dtmf:x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
