package io.callflow.media.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MachineDetectionTest {
    private MixerFixture mixer;
    private final TestLeg callee = new TestLeg();

    @BeforeEach
    void start() throws Exception {
        mixer = new MixerFixture();
        mixer.core.addLeg("callee", callee);
        mixer.applied();
    }

    @AfterEach
    void stop() {
        mixer.close();
    }

    @Test
    void a_long_greeting_is_a_machine() throws Exception {
        callee.say(greeting(3_000));

        assertThat(detect()).isEqualTo(new AmdResult(AmdResult.Verdict.MACHINE, "long_greeting"));
    }

    @Test
    void a_short_hello_then_silence_is_a_human() throws Exception {
        callee.say(noise(400, 1));

        assertThat(detect()).isEqualTo(new AmdResult(AmdResult.Verdict.HUMAN, "after_greeting_silence"));
    }

    @Test
    void silence_is_not_sure_for_lack_of_speech() throws Exception {
        assertThat(detect()).isEqualTo(new AmdResult(AmdResult.Verdict.NOTSURE, "no_speech"));
    }

    @Test
    void clicks_shorter_than_a_word_are_not_speech() throws Exception {
        short[] clicks = new short[2_000 * 8];
        for (int at = 0; at < clicks.length; at += 8 * 300) {
            System.arraycopy(noise(60, at), 0, clicks, at, 60 * 8);
        }
        callee.say(clicks);

        assertThat(detect()).isEqualTo(new AmdResult(AmdResult.Verdict.NOTSURE, "no_speech"));
    }

    @Test
    void a_removed_leg_ends_detection_not_sure() throws Exception {
        CompletableFuture<AmdResult> result = new CompletableFuture<>();
        callee.say(greeting(600));
        mixer.core.detectMachine("callee", AmdParameters.defaults(), result::complete);

        mixer.core.removeLeg("callee");

        assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(new AmdResult(AmdResult.Verdict.NOTSURE, "leg_removed"));
    }

    @Test
    void negative_parameters_are_refused() {
        assertThatThrownBy(() -> mixer.core.detectMachine("callee", new AmdParameters(-1, 0, 0, 0, 0), result -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private AmdResult detect() throws Exception {
        CompletableFuture<AmdResult> result = new CompletableFuture<>();
        mixer.core.detectMachine("callee", AmdParameters.defaults(), result::complete);
        return result.get(20, TimeUnit.SECONDS);
    }

    /** Bursts of noise, 300 ms each with 100 ms pauses, like a recorded message. */
    static short[] greeting(int ms) {
        short[] out = new short[ms * 8];
        for (int at = 0; at + 300 * 8 <= out.length; at += 400 * 8) {
            System.arraycopy(noise(300, at), 0, out, at, 300 * 8);
        }
        return out;
    }

    /** Speech-loud white noise (about −21 dBFS), the same for the same seed. */
    static short[] noise(int ms, long seed) {
        Random random = new Random(seed);
        short[] out = new short[ms * 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(random.nextGaussian() * 3_000);
        }
        return out;
    }
}
