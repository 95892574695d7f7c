package io.callflow.media.mixer;

import static io.callflow.media.mixer.MachineDetectionTest.greeting;
import static io.callflow.media.mixer.MachineDetectionTest.noise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The detector alone, frame by frame: when each verdict falls, in milliseconds of audio. */
class MachineDetectorTest {
    private static final int FRAME = LegMedia.FRAME_SAMPLES;

    private record Decision(AmdResult result, int atMs) {
    }

    @Test
    void a_long_greeting_is_a_machine_as_soon_as_it_passes_greeting_duration() {
        Decision decision = run(AmdParameters.defaults(), greeting(3_000), 6_000);

        assertThat(decision.result().verdict()).isEqualTo(AmdResult.Verdict.MACHINE);
        assertThat(decision.atMs()).isBetween(1_500, 1_900);
    }

    @Test
    void a_human_is_decided_after_greeting_silence() {
        Decision decision = run(AmdParameters.defaults(), noise(400, 7), 6_000);

        assertThat(decision.result()).isEqualTo(new AmdResult(AmdResult.Verdict.HUMAN, "after_greeting_silence"));
        assertThat(decision.atMs()).isEqualTo(400 + 800);
    }

    @Test
    void silence_is_no_speech_at_the_initial_silence_timeout() {
        Decision decision = run(AmdParameters.defaults(), new short[0], 6_000);

        assertThat(decision).isEqualTo(new Decision(new AmdResult(AmdResult.Verdict.NOTSURE, "no_speech"), 2_500));
    }

    @Test
    void a_threshold_equal_to_the_window_never_fires() {
        AmdParameters parameters = new AmdParameters(3_000, 1_500, 800, 3_000, 100);

        Decision decision = run(parameters, new short[0], 6_000);

        assertThat(decision).isEqualTo(new Decision(new AmdResult(AmdResult.Verdict.NOTSURE, "total_analysis_time"), 3_000));
    }

    @Test
    void zero_parameters_take_the_defaults_and_impossible_windows_are_refused() {
        assertThat(MachineDetector.normalize(new AmdParameters(0, 0, 0, 0, 0))).isEqualTo(AmdParameters.defaults());
        assertThatThrownBy(() -> MachineDetector.normalize(new AmdParameters(2_500, 1_500, 800, 500, 100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MachineDetector.normalize(new AmdParameters(2_500, -1, 800, 5_000, 100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Decision run(AmdParameters parameters, short[] audio, int maxMs) {
        MachineDetector detector = new MachineDetector(parameters);
        for (int ms = 20, at = 0; ms <= maxMs; ms += 20, at += FRAME) {
            short[] frame = at < audio.length ? Arrays.copyOfRange(audio, at, at + FRAME) : null;
            AmdResult result = detector.frame(frame);
            if (result != null) {
                return new Decision(result, ms);
            }
        }
        throw new AssertionError("no verdict in " + maxMs + " ms");
    }
}
