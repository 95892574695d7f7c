package io.callflow.media.tts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingSpeechEngineTest {
    /** A stand-in engine that says how often it was asked; the samples encode the text's length. */
    private static final class CountingEngine implements SpeechEngine {
        final List<String> spoken = new ArrayList<>();

        @Override
        public short[] synthesize(String text, String language, String voice) {
            spoken.add(text);
            return new short[]{(short) text.length()};
        }
    }

    @Test
    void a_repeated_prompt_is_synthesised_once() {
        CountingEngine counting = new CountingEngine();
        CachingSpeechEngine cache = new CachingSpeechEngine(counting, 10);

        short[] first = cache.synthesize("Hello", "", "");
        first[0] = 99;
        short[] second = cache.synthesize("Hello", "", "");

        assertThat(second).containsExactly((short) 5);
        assertThat(counting.spoken).containsExactly("Hello");
    }

    @Test
    void the_least_recently_used_prompt_is_dropped_first() {
        CountingEngine counting = new CountingEngine();
        CachingSpeechEngine cache = new CachingSpeechEngine(counting, 2);

        cache.synthesize("one", "", "");
        cache.synthesize("two", "", "");
        cache.synthesize("one", "", "");
        cache.synthesize("three", "", "");
        cache.synthesize("one", "", "");
        cache.synthesize("two", "", "");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(counting.spoken).containsExactly("one", "two", "three", "two");
    }

    @Test
    void language_and_voice_are_part_of_the_key() {
        CountingEngine counting = new CountingEngine();
        CachingSpeechEngine cache = new CachingSpeechEngine(counting, 10);

        cache.synthesize("Hello", "en-US", "");
        cache.synthesize("Hello", "en-GB", "");

        assertThat(counting.spoken).hasSize(2);
    }
}
