package io.callflow.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void every_ulaw_code_survives_decode_then_encode() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            short linear = G711.fromUlaw(c);
            // 0x7F and 0xFF both mean zero; zero encodes as 0xFF
            byte back = G711.ulaw(linear);
            assertThat(G711.fromUlaw(back)).isEqualTo(linear);
        }
    }

    @Test
    void every_alaw_code_survives_decode_then_encode() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            assertThat(G711.alaw(G711.fromAlaw(c))).isEqualTo(c);
        }
    }

    @Test
    void quantisation_error_stays_within_the_segment_step() {
        for (int s = -32000; s <= 32000; s += 7) {
            short sample = (short) s;
            int ulawError = Math.abs(G711.fromUlaw(G711.ulaw(sample)) - s);
            int alawError = Math.abs(G711.fromAlaw(G711.alaw(sample)) - s);
            int step = Math.max(16, Math.abs(s) / 16);
            assertThat(ulawError).as("ulaw at %d", s).isLessThanOrEqualTo(step);
            assertThat(alawError).as("alaw at %d", s).isLessThanOrEqualTo(step);
        }
    }

    @Test
    void known_codes_match_the_standard() {
        assertThat(G711.ulaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.alaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.fromUlaw((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.fromAlaw((byte) 0xAA)).isEqualTo((short) 32256);
    }
}
