package io.callflow.media.mixer;

import static io.callflow.media.mixer.Audio.share;
import static io.callflow.media.mixer.MixerFixture.toneFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.media.audio.Pcm;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomMixingTest {
    private MixerFixture mixer;
    private MixingCore core;
    private final TestLeg alice = new TestLeg();
    private final TestLeg bob = new TestLeg();
    private final TestLeg carol = new TestLeg();

    @BeforeEach
    void start() throws Exception {
        mixer = new MixerFixture();
        core = mixer.core;
        alice.keepSaying(toneFrame(400));
        bob.keepSaying(toneFrame(600));
        core.addLeg("alice", alice);
        core.addLeg("bob", bob);
        core.addLeg("carol", carol);
        core.createRoom("room");
    }

    @AfterEach
    void stop() {
        mixer.close();
    }

    @Test
    void two_legs_in_a_room_hear_each_other_and_not_themselves() throws Exception {
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        mixer.applied();

        short[] aliceHears = alice.awaitNextHeard(10);
        short[] bobHears = bob.awaitNextHeard(10);

        assertThat(share(aliceHears, 600)).isGreaterThan(0.99);
        assertThat(share(aliceHears, 400)).isLessThan(0.001);
        assertThat(share(bobHears, 400)).isGreaterThan(0.99);
        assertThat(share(bobHears, 600)).isLessThan(0.001);
    }

    @Test
    void a_leg_alone_hears_nothing_and_with_echo_hears_itself() throws Exception {
        mixer.applied();
        assertThat(Pcm.rms(alice.awaitNextHeard(5))).isZero();

        core.echo("alice", true);
        mixer.applied();

        assertThat(share(alice.awaitNextHeard(5), 400)).isGreaterThan(0.99);
    }

    @Test
    void a_muted_leg_is_heard_by_nobody() throws Exception {
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        core.joinRoom("carol", "room");
        core.mute("alice", true);
        mixer.applied();

        assertThat(Pcm.rms(bob.awaitNextHeard(5))).isZero();
        short[] carolHears = carol.awaitNextHeard(5);
        assertThat(share(carolHears, 600)).isGreaterThan(0.99);
        assertThat(share(carolHears, 400)).isLessThan(0.001);

        core.mute("alice", false);
        mixer.applied();

        assertThat(share(bob.awaitNextHeard(5), 400)).isGreaterThan(0.99);
    }

    @Test
    void a_deaf_leg_hears_silence_yet_is_sent_every_frame_and_is_still_heard() throws Exception {
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        core.deaf("bob", true);
        mixer.applied();

        short[] bobHears = bob.awaitNextHeard(10);

        assertThat(bobHears).hasSize(10 * LegMedia.FRAME_SAMPLES);
        assertThat(Pcm.rms(bobHears)).isZero();
        assertThat(share(alice.awaitNextHeard(5), 600)).isGreaterThan(0.99);
    }

    @Test
    void loud_legs_saturate_instead_of_wrapping_around() throws Exception {
        short[] loud = new short[LegMedia.FRAME_SAMPLES];
        Arrays.fill(loud, (short) 30_000);
        alice.keepSaying(loud);
        bob.keepSaying(loud);
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        core.joinRoom("carol", "room");
        mixer.applied();

        short[] carolHears = carol.awaitNextHeard(3);

        assertThat(carolHears).containsOnly(Short.MAX_VALUE);
    }

    @Test
    void leaving_or_deleting_the_room_parts_the_legs() throws Exception {
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        core.joinRoom("carol", "room");
        core.leaveRoom("alice");
        mixer.applied();

        assertThat(share(carol.awaitNextHeard(5), 600)).isGreaterThan(0.99);
        assertThat(Pcm.rms(alice.awaitNextHeard(5))).isZero();

        core.deleteRoom("room");
        mixer.applied();

        assertThat(Pcm.rms(carol.awaitNextHeard(5))).isZero();
        assertThat(Pcm.rms(bob.awaitNextHeard(5))).isZero();
    }

    @Test
    void the_clock_reports_its_ticks_and_lateness() throws Exception {
        mixer.applied();
        alice.awaitNextHeard(5);

        TickStats stats = core.tickStats();

        assertThat(stats.ticks()).isGreaterThanOrEqualTo(5);
        assertThat(stats.p50LatenessMicros()).isGreaterThanOrEqualTo(0);
        assertThat(stats.p99LatenessMicros()).isGreaterThanOrEqualTo(stats.p50LatenessMicros());
        assertThat(stats.maxLatenessMicros()).isGreaterThanOrEqualTo(stats.p99LatenessMicros());
    }

    @Test
    void reset_tick_stats_counts_again_from_the_next_tick() throws Exception {
        alice.awaitNextHeard(50);
        long before = core.tickStats().ticks();

        core.resetTickStats();
        mixer.applied();

        // the reset ran on the clock before the play that applied() waited for: only the ticks since count
        assertThat(before).isGreaterThanOrEqualTo(50);
        assertThat(core.tickStats().ticks()).isLessThan(before);
    }
}
