package io.callflow.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameHandOffTest {

    /** Claims a slot, marks its frame with {@code id} and publishes it as {@code sequence}; false when full. */
    private static boolean offer(FrameHandOff handOff, int sequence, int id) {
        short[] frame = handOff.claim();
        if (frame == null) {
            return false;
        }
        frame[0] = (short) id;
        frame[159] = (short) id;
        handOff.publish(sequence);
        return true;
    }

    /** What a depth-1 jitter buffer fed by the hand-off plays in {@code ticks} ticks (ids, null for silence). */
    private static List<Integer> play(FrameHandOff handOff, JitterBuffer jitter, int ticks) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            handOff.drainTo(jitter);
            short[] frame = jitter.take();
            if (frame != null) {
                assertThat(frame[159]).as("the whole frame travelled").isEqualTo(frame[0]);
            }
            out.add(frame == null ? null : (int) frame[0]);
        }
        return out;
    }

    @Test
    void an_empty_hand_off_gives_the_jitter_buffer_nothing() {
        FrameHandOff handOff = new FrameHandOff(4);
        JitterBuffer jitter = new JitterBuffer(1);
        assertThat(play(handOff, jitter, 2)).containsExactly(null, null);
    }

    @Test
    void frames_arrive_in_the_order_published() {
        FrameHandOff handOff = new FrameHandOff(8);
        JitterBuffer jitter = new JitterBuffer(1);
        for (int i = 0; i < 5; i++) {
            assertThat(offer(handOff, 100 + i, i + 1)).isTrue();
        }
        assertThat(play(handOff, jitter, 6)).containsExactly(1, 2, 3, 4, 5, null);
    }

    @Test
    void a_full_ring_drops_the_newest_frames_until_the_consumer_takes() {
        FrameHandOff handOff = new FrameHandOff(4);
        JitterBuffer jitter = new JitterBuffer(1);
        for (int i = 0; i < 4; i++) {
            assertThat(offer(handOff, i, i + 1)).isTrue();
        }
        assertThat(offer(handOff, 4, 5)).as("full").isFalse();
        assertThat(offer(handOff, 5, 6)).as("still full").isFalse();
        handOff.drainTo(jitter);
        assertThat(offer(handOff, 6, 7)).as("room again").isTrue();
        // 4 and 5 were lost: the jitter buffer plays a gap for each
        assertThat(play(handOff, jitter, 7)).containsExactly(1, 2, 3, 4, null, null, 7);
    }

    @Test
    void the_ring_wraps_around_many_times_without_losing_or_repeating_a_frame() {
        FrameHandOff handOff = new FrameHandOff(4);
        JitterBuffer jitter = new JitterBuffer(1);
        List<Integer> played = new ArrayList<>();
        int sequence = 65_530; // the RTP sequence numbers wrap too
        int id = 0;
        for (int round = 0; round < 1_000; round++) {
            int burst = round % 4 + 1; // 1 to 4 frames between two ticks
            for (int i = 0; i < burst; i++) {
                assertThat(offer(handOff, sequence++ & 0xFFFF, ++id % 30_000)).isTrue();
            }
            played.addAll(play(handOff, jitter, burst));
        }
        assertThat(played).hasSize(id).doesNotContainNull();
        for (int i = 0; i < played.size(); i++) {
            assertThat(played.get(i)).isEqualTo((i + 1) % 30_000);
        }
    }

    @Test
    void a_new_sender_makes_the_jitter_buffer_forget_the_old_one_where_its_frames_begin() {
        FrameHandOff handOff = new FrameHandOff(8);
        JitterBuffer jitter = new JitterBuffer(1);
        offer(handOff, 5_000, 1);
        offer(handOff, 5_001, 2);
        handOff.reset();
        // the new sender's numbers are far below the old ones: without the reset they would be late and dropped
        offer(handOff, 10, 3);
        offer(handOff, 11, 4);
        assertThat(play(handOff, jitter, 2)).as("the old sender's unplayed frames go with its state").containsExactly(3, 4);
    }

    @Test
    void frames_cross_from_one_thread_to_another_in_order_and_whole() throws Exception {
        FrameHandOff handOff = new FrameHandOff(16);
        int frames = 20_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < frames; ) {
                short[] frame = handOff.claim();
                if (frame == null) {
                    Thread.onSpinWait();
                    continue;
                }
                java.util.Arrays.fill(frame, (short) i);
                handOff.publish(i & 0xFFFF);
                i++;
            }
        });
        producer.start();
        RecordingJitter recorder = new RecordingJitter();
        while (recorder.seen < frames) {
            handOff.drainTo(recorder.jitter);
            recorder.collect();
        }
        producer.join();
        assertThat(recorder.errors).isEmpty();
    }

    /** Takes every frame the hand-off gave the jitter buffer and checks it is the next one, all 160 samples alike. */
    private static final class RecordingJitter {
        final JitterBuffer jitter = new JitterBuffer(1);
        final List<String> errors = new ArrayList<>();
        int seen;

        void collect() {
            for (short[] frame; (frame = jitter.take()) != null; ) {
                short expected = (short) seen;
                for (int s = 0; s < frame.length; s++) {
                    if (frame[s] != expected && errors.size() < 10) {
                        errors.add("frame " + seen + " sample " + s + " was " + frame[s]);
                    }
                }
                seen++;
            }
        }
    }

    @Test
    void the_capacity_is_a_power_of_two() {
        assertThatThrownBy(() -> new FrameHandOff(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
