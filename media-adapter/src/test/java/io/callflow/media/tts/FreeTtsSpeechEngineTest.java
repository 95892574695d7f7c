package io.callflow.media.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.media.audio.Pcm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FreeTtsSpeechEngineTest {
    private static final String SENTENCE = "Welcome to the call flow platform. Press one for sales.";
    private static FreeTtsSpeechEngine engine;

    @BeforeAll
    static void start() {
        engine = new FreeTtsSpeechEngine(2);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void speech_is_audible_and_as_long_as_the_sentence() {
        short[] speech = engine.synthesize(SENTENCE, "en-US", "");

        double seconds = speech.length / 8_000.0;
        assertThat(seconds).isBetween(2.5, 6.0);
        assertThat(Pcm.dbfs(Pcm.rms(speech))).isBetween(-35.0, -10.0);
    }

    @Test
    void the_same_text_gives_the_same_samples_also_from_several_threads() throws Exception {
        short[] first = engine.synthesize(SENTENCE, "", FreeTtsSpeechEngine.VOICE);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<short[]>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(threads.submit(() -> engine.synthesize(SENTENCE, "", "")));
            }
            for (Future<short[]> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void ssml_is_spoken_as_its_text() {
        short[] plain = engine.synthesize("Press one for sales.", "", "");
        short[] ssml = engine.synthesize("<speak>Press <emphasis>one</emphasis> for sales.</speak>", "", "");

        assertThat(ssml).isEqualTo(plain);
    }

    @Test
    void other_languages_and_voices_are_refused() {
        assertThatThrownBy(() -> engine.synthesize("Bonjour", "fr-FR", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.synthesize("Hello", "", "alice")).isInstanceOf(IllegalArgumentException.class);
    }
}
