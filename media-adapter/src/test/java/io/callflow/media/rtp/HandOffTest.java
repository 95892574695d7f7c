package io.callflow.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandOffTest {

    /** A slot as the RTP session's are: an array filled in place and a number. */
    private static final class Slot {
        final short[] samples = new short[160];
        int number;
    }

    private static boolean offer(HandOff<Slot> handOff, int number) {
        Slot slot = handOff.claim();
        if (slot == null) {
            return false;
        }
        java.util.Arrays.fill(slot.samples, (short) number);
        slot.number = number;
        handOff.publish();
        return true;
    }

    /** Everything published so far, oldest first, each checked to be whole. */
    private static List<Integer> takeAll(HandOff<Slot> handOff) {
        List<Integer> out = new ArrayList<>();
        for (Slot slot; (slot = handOff.peek()) != null; handOff.release()) {
            assertThat(slot.samples).as("slot %d whole", slot.number).containsOnly((short) slot.number);
            out.add(slot.number);
        }
        return out;
    }

    @Test
    void an_empty_hand_off_has_nothing_to_take() {
        HandOff<Slot> handOff = new HandOff<>(4, Slot::new);
        assertThat(handOff.peek()).isNull();
        assertThat(takeAll(handOff)).isEmpty();
    }

    @Test
    void slots_are_taken_in_the_order_published_and_once() {
        HandOff<Slot> handOff = new HandOff<>(8, Slot::new);
        for (int i = 1; i <= 5; i++) {
            assertThat(offer(handOff, i)).isTrue();
        }
        assertThat(takeAll(handOff)).containsExactly(1, 2, 3, 4, 5);
        assertThat(takeAll(handOff)).isEmpty();
    }

    @Test
    void a_claimed_slot_is_not_seen_until_published() {
        HandOff<Slot> handOff = new HandOff<>(4, Slot::new);
        Slot slot = handOff.claim();
        slot.number = 7;
        assertThat(handOff.peek()).isNull();
        handOff.publish();
        assertThat(handOff.peek()).isSameAs(slot);
    }

    @Test
    void a_full_ring_refuses_new_slots_until_the_consumer_releases_one() {
        HandOff<Slot> handOff = new HandOff<>(4, Slot::new);
        for (int i = 1; i <= 4; i++) {
            assertThat(offer(handOff, i)).isTrue();
        }
        assertThat(offer(handOff, 5)).as("full").isFalse();
        assertThat(offer(handOff, 6)).as("still full").isFalse();
        assertThat(handOff.peek().number).isEqualTo(1);
        handOff.release();
        assertThat(offer(handOff, 7)).as("room for one").isTrue();
        assertThat(offer(handOff, 8)).as("full again").isFalse();
        // 5, 6 and 8 were dropped; nothing published was lost or overwritten
        assertThat(takeAll(handOff)).containsExactly(2, 3, 4, 7);
    }

    @Test
    void the_ring_wraps_around_many_times_without_losing_or_repeating_a_slot() {
        HandOff<Slot> handOff = new HandOff<>(4, Slot::new);
        List<Integer> taken = new ArrayList<>();
        int number = 0;
        for (int round = 0; round < 1_000; round++) {
            int burst = round % 4 + 1; // 1 to 4 slots between two takes: every fill level, every position
            for (int i = 0; i < burst; i++) {
                assertThat(offer(handOff, ++number % 30_000)).isTrue();
            }
            taken.addAll(takeAll(handOff));
        }
        assertThat(taken).hasSize(number);
        for (int i = 0; i < taken.size(); i++) {
            assertThat(taken.get(i)).isEqualTo((i + 1) % 30_000);
        }
    }

    @Test
    void slots_cross_from_one_thread_to_another_in_order_and_whole() throws Exception {
        HandOff<Slot> handOff = new HandOff<>(16, Slot::new);
        int count = 20_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; ) {
                if (offer(handOff, i % 30_000)) {
                    i++;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        List<String> errors = new ArrayList<>();
        int seen = 0;
        while (seen < count) {
            for (Slot slot; (slot = handOff.peek()) != null; handOff.release()) {
                for (short sample : slot.samples) {
                    if ((sample != slot.number || slot.number != seen % 30_000) && errors.size() < 10) {
                        errors.add("slot " + seen + " held " + slot.number + " with sample " + sample);
                    }
                }
                seen++;
            }
        }
        producer.join();
        assertThat(errors).isEmpty();
        assertThat(handOff.peek()).isNull();
    }

    @Test
    void the_capacity_is_a_power_of_two() {
        assertThatThrownBy(() -> new HandOff<>(3, Slot::new)).isInstanceOf(IllegalArgumentException.class);
    }
}
