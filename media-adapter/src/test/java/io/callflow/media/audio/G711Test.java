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

    @Test
    void encoding_and_decoding_in_place_write_only_their_own_range() {
        short[] pcm = new short[160];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (12_000 * Math.sin(2 * Math.PI * 1_000 * i / 8_000.0));
        }
        byte[] packet = new byte[12 + 160];
        java.util.Arrays.fill(packet, (byte) 0x5A);
        G711.encodeAlaw(pcm, packet, 12);
        assertThat(java.util.Arrays.copyOfRange(packet, 12, 172)).isEqualTo(G711.encodeAlaw(pcm));
        assertThat(java.util.Arrays.copyOf(packet, 12)).containsOnly((byte) 0x5A);
        G711.encodeUlaw(pcm, packet, 12);
        assertThat(java.util.Arrays.copyOfRange(packet, 12, 172)).isEqualTo(G711.encodeUlaw(pcm));

        short[] decoded = new short[160];
        java.util.Arrays.fill(decoded, (short) 7);
        G711.decodeUlaw(packet, 12, 100, decoded);
        assertThat(java.util.Arrays.copyOf(decoded, 100)).isEqualTo(G711.decodeUlaw(packet, 12, 100));
        assertThat(java.util.Arrays.copyOfRange(decoded, 100, 160)).containsOnly((short) 7);
        G711.encodeAlaw(pcm, packet, 12);
        G711.decodeAlaw(packet, 12, 160, decoded);
        assertThat(decoded).isEqualTo(G711.decodeAlaw(packet, 12, 160));
    }
}
