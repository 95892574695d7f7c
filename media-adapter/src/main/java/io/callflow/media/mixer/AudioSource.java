package io.callflow.media.mixer;

import java.net.URI;
import java.nio.file.Path;

/** Something the mixing core can play into a leg or room. Sources that take time to prepare (speech, URLs) are prepared off the mixer clock. */
public sealed interface AudioSource {
    /** 8 kHz 16-bit mono samples. */
    record Samples(short[] pcm) implements AudioSource {
    }

    /** A WAV file, 8 or 16 kHz mono 16-bit PCM (or G.711). */
    record WavFile(Path path) implements AudioSource {
    }

    /** A WAV fetched with HTTP GET. */
    record Url(URI uri) implements AudioSource {
    }

    /**
     * A generated tone: {@code beep}, {@code dtmf:<key>}, {@code ringback:<country>},
     * {@code busy:<country>} (country as ISO 3166 alpha-2, lower case, e.g. us, uk, de),
     * {@code silence}; {@code durationMs} 0 means the tone's natural length (beep 250 ms,
     * dtmf 100 ms, cadences one full cycle).
     */
    record Tone(String name, int durationMs) implements AudioSource {
    }

    /** Speech from the offline text-to-speech engine. {@code language} and {@code voice} may be empty. */
    record Speech(String text, String language, String voice) implements AudioSource {
    }
}
