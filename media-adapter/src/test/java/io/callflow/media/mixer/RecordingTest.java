package io.callflow.media.mixer;

import static io.callflow.media.mixer.Audio.share;
import static io.callflow.media.mixer.Audio.trimmed;
import static io.callflow.media.mixer.MixerFixture.toneFrame;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.media.audio.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {
    private static final int FRAME = LegMedia.FRAME_SAMPLES;
    private MixerFixture mixer;
    private MixingCore core;
    private final TestLeg alice = new TestLeg();
    private final TestLeg bob = new TestLeg();
    @TempDir
    Path dir;

    private record Ended(Path file, Duration length, String detail) {
    }

    @BeforeEach
    void start() throws Exception {
        mixer = new MixerFixture();
        core = mixer.core;
        alice.keepSaying(toneFrame(600));
        bob.keepSaying(toneFrame(400));
        core.addLeg("alice", alice);
        core.addLeg("bob", bob);
        mixer.applied();
    }

    @AfterEach
    void stop() {
        mixer.close();
    }

    @Test
    void a_stereo_leg_recording_has_what_the_leg_said_left_and_what_it_heard_right() throws Exception {
        Path file = dir.resolve("alice.wav");
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        String recording = core.record("alice", file, RecordingMode.STEREO,
                (path, length, detail) -> ended.complete(new Ended(path, length, detail)));

        playBeepTo("alice");
        core.stopRecording(recording);

        Ended result = ended.get(20, TimeUnit.SECONDS);
        assertThat(result.file()).isEqualTo(file);
        assertThat(result.detail()).isNull();
        short[][] channels = Wav.readStereo(file);
        assertThat(result.length()).isEqualTo(Duration.ofMillis(channels[0].length / 8));
        assertThat(result.length()).isGreaterThan(Duration.ofMillis(250));
        assertThat(share(channels[0], 600)).isGreaterThan(0.99);
        short[] heard = trimmed(channels[1]);
        assertThat(heard.length).isBetween(1_900, 2_000);
        assertThat(share(heard, 1000)).isGreaterThan(0.98);
    }

    /** recording_start's end_of_silence: the recording ends by itself once the leg has said nothing that long. */
    @Test
    void a_leg_recording_with_an_end_of_silence_ends_once_the_leg_is_silent_that_long() throws Exception {
        Path file = dir.resolve("alice-until-silent.wav");
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        core.record("alice", file, RecordingMode.MONO, Duration.ofMillis(400),
                (path, length, detail) -> ended.complete(new Ended(path, length, detail)));
        Thread.sleep(600);
        assertThat(ended).as("still speaking: still recording").isNotDone();
        alice.keepSaying(new short[FRAME]);

        Ended result = ended.get(20, TimeUnit.SECONDS);
        assertThat(result.detail()).isEqualTo("end of silence");
        // the speech, then the 400 ms of silence that ended it
        assertThat(result.length()).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_000));
    }

    @Test
    void a_mono_leg_recording_mixes_what_the_leg_said_and_heard() throws Exception {
        Path file = dir.resolve("alice-mono.wav");
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        String recording = core.record("alice", file, RecordingMode.MONO,
                (path, length, detail) -> ended.complete(new Ended(path, length, detail)));

        playBeepTo("alice");
        core.stopRecording(recording);

        ended.get(20, TimeUnit.SECONDS);
        short[] mono = Wav.read(file);
        int frames = mono.length / FRAME;
        int beepFrames = 0;
        for (int at = 0; at < frames * FRAME; at += FRAME) {
            assertThat(share(mono, at, FRAME, 600)).isGreaterThan(0.3);
            if (share(mono, at, FRAME, 1000) > 0.3) {
                beepFrames++;
            }
        }
        assertThat(beepFrames).isBetween(12, 13);
    }

    @Test
    void a_room_recording_holds_the_rooms_mix_and_ends_when_the_room_is_deleted() throws Exception {
        core.createRoom("room");
        core.joinRoom("alice", "room");
        core.joinRoom("bob", "room");
        Path file = dir.resolve("room.wav");
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        core.record("room", file, RecordingMode.MONO, (path, length, detail) -> ended.complete(new Ended(path, length, detail)));
        mixer.applied();
        alice.awaitNextHeard(10);

        core.deleteRoom("room");

        Ended result = ended.get(20, TimeUnit.SECONDS);
        assertThat(result.detail()).isEqualTo("room deleted");
        short[] mix = Wav.read(file);
        assertThat(mix.length).isGreaterThanOrEqualTo(10 * LegMedia.FRAME_SAMPLES);
        assertThat(share(mix, 600)).isBetween(0.45, 0.55);
        assertThat(share(mix, 400)).isBetween(0.45, 0.55);
    }

    @Test
    void removing_the_leg_completes_its_recording() throws Exception {
        Path file = dir.resolve("bob.wav");
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        core.record("bob", file, RecordingMode.STEREO, (path, length, detail) -> ended.complete(new Ended(path, length, detail)));
        mixer.applied();
        bob.awaitNextHeard(5);

        core.removeLeg("bob");

        Ended result = ended.get(20, TimeUnit.SECONDS);
        assertThat(result.detail()).isEqualTo("leg removed");
        assertThat(share(Wav.readStereo(file)[0], 400)).isGreaterThan(0.99);
    }

    @Test
    void a_recording_that_cannot_be_written_says_why() throws Exception {
        Path file = dir.resolve("no-such-dir").resolve("x.wav");
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        String recording = core.record("bob", file, RecordingMode.MONO,
                (path, length, detail) -> ended.complete(new Ended(path, length, detail)));
        mixer.applied();

        core.stopRecording(recording);

        Ended result = ended.get(20, TimeUnit.SECONDS);
        assertThat(result.length()).isZero();
        assertThat(result.detail()).startsWith("cannot write").contains("x.wav");
    }

    private void playBeepTo(String legId) throws Exception {
        CompletableFuture<PlaybackListener.Outcome> played = new CompletableFuture<>();
        core.play(legId, List.of(MixerFixture.beep()), (outcome, detail) -> played.complete(outcome));
        assertThat(played.get(20, TimeUnit.SECONDS)).isEqualTo(PlaybackListener.Outcome.FINISHED);
        mixer.applied();
    }
}
