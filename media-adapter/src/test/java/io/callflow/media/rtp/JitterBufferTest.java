package io.callflow.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JitterBufferTest {
    private static short[] frame(int id) {
        short[] frame = new short[160];
        frame[0] = (short) id;
        return frame;
    }

    private static List<Integer> drain(JitterBuffer buffer, int ticks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            short[] frame = buffer.take();
            out.add(frame == null ? null : (int) frame[0]);
        }
        return out;
    }

    @Test
    void nothing_plays_until_the_depth_is_buffered() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.put(10, frame(10));
        buffer.put(11, frame(11));
        assertThat(buffer.take()).isNull();
        buffer.put(12, frame(12));
        assertThat(drain(buffer, 3)).containsExactly(10, 11, 12);
    }

    @Test
    void reordered_packets_play_in_sequence_order() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.put(2, frame(2));
        buffer.put(1, frame(1));
        buffer.put(3, frame(3));
        assertThat(drain(buffer, 3)).containsExactly(1, 2, 3);
    }

    @Test
    void a_lost_packet_is_one_null_frame_and_a_late_one_is_dropped() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.put(1, frame(1));
        buffer.put(3, frame(3));
        buffer.put(4, frame(4));
        assertThat(drain(buffer, 2)).containsExactly(1, null);
        buffer.put(2, frame(2));
        assertThat(drain(buffer, 2)).containsExactly(3, 4);
    }

    @Test
    void sequence_numbers_wrap_around() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.put(65534, frame(1));
        buffer.put(0, frame(3));
        buffer.put(65535, frame(2));
        buffer.put(1, frame(4));
        assertThat(drain(buffer, 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void duplicates_play_once() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.put(5, frame(5));
        buffer.put(5, frame(5));
        assertThat(drain(buffer, 2)).containsExactly(5, null);
    }
}
