package io.callflow.media.mixer;

import static io.callflow.media.mixer.Audio.share;
import static io.callflow.media.mixer.Audio.trimmed;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.media.audio.Pcm;
import io.callflow.media.audio.Tones;
import io.callflow.media.audio.Wav;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybackTest {
    private MixerFixture mixer;
    private MixingCore core;
    private final TestLeg alice = new TestLeg();
    private final TestLeg bob = new TestLeg();
    @TempDir
    Path dir;

    /** Collects every outcome a listener is told, to check it is told exactly once. */
    private static final class Ended implements PlaybackListener {
        final List<String> told = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> first = new CompletableFuture<>();

        @Override
        public void ended(Outcome outcome, String detail) {
            String said = detail == null ? outcome.name() : outcome + ": " + detail;
            told.add(said);
            first.complete(said);
        }

        String await() throws Exception {
            return first.get(20, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void start() throws Exception {
        mixer = new MixerFixture();
        core = mixer.core;
        core.addLeg("alice", alice);
        core.addLeg("bob", bob);
        core.createRoom("room");
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        mixer.applied();
    }

    @AfterEach
    void stop() {
        mixer.close();
    }

    @Test
    void a_beep_played_to_a_leg_reaches_only_that_leg() throws Exception {
        int aliceMark = alice.framesSent();
        int bobMark = bob.framesSent();
        Ended ended = new Ended();

        core.play("alice", List.of(MixerFixture.beep()), ended);

        assertThat(ended.await()).isEqualTo("FINISHED");
        mixer.applied();
        short[] beep = trimmed(alice.heardSince(aliceMark));
        assertThat(beep.length).isBetween(1_900, 2_000);
        assertThat(share(beep, 1000)).isGreaterThan(0.98);
        assertThat(Pcm.rms(bob.heardSince(bobMark))).isZero();
    }

    @Test
    void a_playback_to_a_room_is_heard_by_every_leg_in_it() throws Exception {
        int aliceMark = alice.framesSent();
        int bobMark = bob.framesSent();
        Ended ended = new Ended();

        core.play("room", List.of(new AudioSource.Tone("dtmf:5", 0)), ended);

        assertThat(ended.await()).isEqualTo("FINISHED");
        mixer.applied();
        for (short[] heard : List.of(alice.heardSince(aliceMark), bob.heardSince(bobMark))) {
            short[] tone = trimmed(heard);
            assertThat(tone.length).isBetween(750, 800);
            assertThat(share(tone, 770) + share(tone, 1336)).isGreaterThan(0.98);
        }
    }

    @Test
    void sources_play_one_after_the_other_and_queued_playbacks_in_order() throws Exception {
        int mark = alice.framesSent();
        List<String> order = new CopyOnWriteArrayList<>();
        Ended last = new Ended();

        core.play("alice", List.of(new AudioSource.Tone("dtmf:1", 200), new AudioSource.Samples(Tones.beep(200))),
                (outcome, detail) -> order.add("first " + outcome));
        core.play("alice", List.of(new AudioSource.Tone("dtmf:9", 200)), (outcome, detail) -> {
            order.add("second " + outcome);
            last.ended(outcome, detail);
        });

        assertThat(last.await()).isEqualTo("FINISHED");
        assertThat(order).containsExactly("first FINISHED", "second FINISHED");
        mixer.applied();
        short[] heard = trimmed(alice.heardSince(mark));
        assertThat(share(heard, 0, 1_200, 697) + share(heard, 0, 1_200, 1209)).isGreaterThan(0.95);
        int end = heard.length;
        assertThat(share(heard, end - 1_200, 1_200, 852) + share(heard, end - 1_200, 1_200, 1477)).isGreaterThan(0.95);
        int middle = end / 2 - 600;
        assertThat(share(heard, middle, 1_200, 1000)).isGreaterThan(0.95);
    }

    @Test
    void a_stopped_playback_is_told_once_and_the_next_one_plays() throws Exception {
        Ended ringbackEnded = new Ended();
        Ended next = new Ended();
        String ringback = core.play("alice", List.of(new AudioSource.Tone("ringback:us", 30_000)), ringbackEnded);
        core.play("alice", List.of(MixerFixture.beep()), next);

        core.stopPlayback(ringback);
        core.stopPlayback(ringback);

        assertThat(ringbackEnded.await()).isEqualTo("STOPPED");
        assertThat(next.await()).isEqualTo("FINISHED");
        mixer.applied();
        assertThat(ringbackEnded.told).containsExactly("STOPPED");
        assertThat(next.told).containsExactly("FINISHED");
    }

    @Test
    void stopping_a_targets_playbacks_stops_its_whole_queue() throws Exception {
        Ended first = new Ended();
        Ended second = new Ended();
        Ended elsewhere = new Ended();
        core.play("alice", List.of(new AudioSource.Tone("busy:uk", 30_000)), first);
        core.play("alice", List.of(new AudioSource.Tone("busy:de", 30_000)), second);
        String bobs = core.play("bob", List.of(new AudioSource.Tone("busy:fr", 30_000)), elsewhere);

        core.stopPlaybacks("alice");

        assertThat(first.await()).isEqualTo("STOPPED");
        assertThat(second.await()).isEqualTo("STOPPED");
        mixer.applied();
        assertThat(elsewhere.told).isEmpty();
        core.stopPlayback(bobs);
        assertThat(elsewhere.await()).isEqualTo("STOPPED");
    }

    @Test
    void removing_a_leg_stops_its_playbacks() throws Exception {
        Ended ended = new Ended();
        core.play("bob", List.of(new AudioSource.Tone("ringback:jp", 30_000)), ended);

        core.removeLeg("bob");

        assertThat(ended.await()).isEqualTo("STOPPED");
        mixer.applied();
        assertThat(ended.told).hasSize(1);
    }

    @Test
    void an_unknown_tone_or_missing_file_or_target_fails_with_a_detail() throws Exception {
        Ended tone = new Ended();
        Ended file = new Ended();
        Ended target = new Ended();

        core.play("alice", List.of(new AudioSource.Tone("fanfare", 0)), tone);
        core.play("bob", List.of(MixerFixture.beep(), new AudioSource.WavFile(dir.resolve("absent.wav"))), file);
        core.play("nobody", List.of(MixerFixture.beep()), target);

        assertThat(tone.await()).isEqualTo("FAILED: unknown tone: fanfare");
        assertThat(file.await()).startsWith("FAILED").contains("absent.wav");
        assertThat(target.await()).isEqualTo("FAILED: no leg or room nobody");
    }

    @Test
    void a_wav_file_plays_at_8_khz_whatever_its_rate() throws Exception {
        Path file = dir.resolve("prompt.wav");
        short[] wide = new short[8_000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (short) Math.round(6000 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0));
        }
        Wav.write(file, wide, 16_000);
        int mark = alice.framesSent();
        Ended ended = new Ended();

        core.play("alice", List.of(new AudioSource.WavFile(file)), ended);

        assertThat(ended.await()).isEqualTo("FINISHED");
        mixer.applied();
        short[] heard = trimmed(alice.heardSince(mark));
        assertThat(heard.length).isBetween(3_900, 4_000);
        assertThat(share(heard, 1000)).isGreaterThan(0.98);
    }

    @Test
    void speech_is_synthesised_off_the_clock_and_played() throws Exception {
        int mark = alice.framesSent();
        Ended ended = new Ended();

        core.play("alice", List.of(new AudioSource.Speech("Press one for sales.", "en-US", "")), ended);

        assertThat(ended.await()).isEqualTo("FINISHED");
        mixer.applied();
        short[] heard = trimmed(alice.heardSince(mark));
        assertThat(heard.length).isGreaterThan(LegMedia.SAMPLE_RATE / 2);
        assertThat(Pcm.dbfs(Pcm.rms(heard))).isGreaterThan(-40.0);
    }

    @Test
    void speech_in_a_language_the_engine_lacks_fails() throws Exception {
        Ended ended = new Ended();

        core.play("alice", List.of(new AudioSource.Speech("Bonjour", "fr-FR", "")), ended);

        assertThat(ended.await()).startsWith("FAILED").contains("fr-FR");
    }
}
