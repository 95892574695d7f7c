package io.callflow.media.tts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last syntheses (least recently used dropped first), since prompts repeat
 * across calls. Callers get a copy, so they may change the samples they receive.
 */
public final class CachingSpeechEngine implements SpeechEngine {
    private record Key(String text, String language, String voice) {
    }

    private final SpeechEngine engine;
    private final Map<Key, short[]> cache;

    /** Keeps at most {@code capacity} syntheses. */
    public CachingSpeechEngine(SpeechEngine engine, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.engine = engine;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, short[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public short[] synthesize(String text, String language, String voice) {
        Key key = new Key(text, language, voice);
        short[] samples;
        synchronized (cache) {
            samples = cache.get(key);
        }
        if (samples == null) {
            // Synthesised outside the lock: two threads may both miss and speak the same text once each.
            samples = engine.synthesize(text, language, voice);
            synchronized (cache) {
                cache.put(key, samples);
            }
        }
        return samples.clone();
    }

    /** Syntheses held now. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
