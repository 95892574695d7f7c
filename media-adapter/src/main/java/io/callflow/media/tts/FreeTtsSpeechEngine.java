package io.callflow.media.tts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import io.callflow.media.audio.Resampler;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline speech with FreeTTS's kevin16 voice (US English, male; see
 * shared/reference/tts-findings.md). A FreeTTS {@code Voice} is not thread-safe, so each
 * synthesis borrows one from a pool of at most {@code maxVoices}, created on demand (about
 * 150 ms each); callers beyond that wait. The voice's 16 kHz output is resampled to 8 kHz.
 * SSML tags are dropped: FreeTTS speaks plain text.
 */
public final class FreeTtsSpeechEngine implements SpeechEngine, AutoCloseable {
    public static final String VOICE = "kevin16";
    /** FreeTTS finds its voices through this system property, read by {@code VoiceManager}. */
    static final String VOICES_PROPERTY = "freetts.voices";
    static final String KEVIN_DIRECTORY = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";
    private static final Logger log = LoggerFactory.getLogger(FreeTtsSpeechEngine.class);

    private record PooledVoice(Voice voice, CapturingAudioPlayer player) {
    }

    private final Queue<PooledVoice> idle = new ConcurrentLinkedQueue<>();
    private final Queue<PooledVoice> all = new ConcurrentLinkedQueue<>();
    private final Semaphore permits;

    public FreeTtsSpeechEngine(int maxVoices) {
        if (maxVoices < 1) {
            throw new IllegalArgumentException("maxVoices must be at least 1: " + maxVoices);
        }
        this.permits = new Semaphore(maxVoices);
        registerKevin();
    }

    @Override
    public short[] synthesize(String text, String language, String voice) {
        requireSupported(language, voice);
        String plain = Ssml.toPlainText(text);
        if (plain.isEmpty()) {
            return new short[0];
        }
        permits.acquireUninterruptibly();
        try {
            PooledVoice pooled = idle.poll();
            if (pooled == null) {
                pooled = allocate();
            }
            try {
                pooled.player().takeSamples();
                if (!pooled.voice().speak(plain)) {
                    throw new SpeechException("FreeTTS could not speak: " + abbreviate(plain));
                }
                return Resampler.resample(pooled.player().takeSamples(), pooled.player().sampleRate(), 8_000);
            } finally {
                idle.add(pooled);
            }
        } finally {
            permits.release();
        }
    }

    /** Frees every voice; the engine must not be used afterwards. */
    @Override
    public void close() {
        PooledVoice pooled;
        while ((pooled = all.poll()) != null) {
            pooled.voice().deallocate();
        }
        idle.clear();
    }

    private PooledVoice allocate() {
        Voice voice = VoiceManager.getInstance().getVoice(VOICE);
        if (voice == null) {
            throw new SpeechException("FreeTTS has no voice " + VOICE + "; is " + VOICES_PROPERTY + " set?");
        }
        voice.allocate();
        CapturingAudioPlayer player = new CapturingAudioPlayer();
        voice.setAudioPlayer(player);
        PooledVoice pooled = new PooledVoice(voice, player);
        all.add(pooled);
        log.debug("allocated FreeTTS voice {} ({} in pool)", VOICE, all.size());
        return pooled;
    }

    private static void requireSupported(String language, String voice) {
        if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).startsWith("en")) {
            throw new IllegalArgumentException("FreeTTS speaks English only, not " + language);
        }
        if (!voice.isEmpty() && !voice.equals(VOICE)) {
            throw new IllegalArgumentException("FreeTTS has only the voice " + VOICE + ", not " + voice);
        }
    }

    /** Adds the kevin16 directory to {@code freetts.voices}, keeping any directories already listed. */
    private static synchronized void registerKevin() {
        String voices = System.getProperty(VOICES_PROPERTY, "");
        if (!voices.contains(KEVIN_DIRECTORY)) {
            System.setProperty(VOICES_PROPERTY, voices.isEmpty() ? KEVIN_DIRECTORY : voices + "," + KEVIN_DIRECTORY);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
