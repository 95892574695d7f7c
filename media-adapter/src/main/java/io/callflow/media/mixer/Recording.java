package io.callflow.media.mixer;

import io.callflow.media.audio.Pcm;
import io.callflow.media.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording in progress. The mixer clock hands it copies of each 20 ms frame; every file
 * operation runs on the single writer thread, in order, so the clock never touches the disk.
 */
final class Recording {
    private static final Logger log = LoggerFactory.getLogger(Recording.class);

    final String id;
    final String target;
    final RecordingMode mode;
    private final Path file;
    private final RecordingListener listener;
    private final Executor writer;
    private final Executor notifier;
    // Clock thread only: end_of_silence, in 20 ms frames (0: never), and how many in a row were silent
    private int silenceLimit;
    private int silentFrames;
    // Writer thread only:
    private WavWriter wav;
    private String failure;

    Recording(String id, String target, Path file, RecordingMode mode, RecordingListener listener, Executor writer,
              Executor notifier) {
        this.id = id;
        this.target = target;
        this.file = file;
        this.mode = mode;
        this.listener = listener;
        this.writer = writer;
        this.notifier = notifier;
        writer.execute(this::open);
    }

    void endAfterSilence(int frames) {
        this.silenceLimit = frames;
    }

    /** Counts one frame of what the leg said; true once it has said nothing for the end_of_silence. */
    boolean silenceEnds(short[] said) {
        if (silenceLimit <= 0) {
            return false;
        }
        silentFrames = Pcm.rms(said) < SILENCE_RMS ? silentFrames + 1 : 0;
        return silentFrames >= silenceLimit;
    }

    /** Asterisk's default silence threshold: an amplitude of 256 of 32,768 (-42 dBFS). */
    private static final double SILENCE_RMS = 256;

    /** Appends one mono frame; the array is copied. */
    void append(short[] frame) {
        short[] copy = frame.clone();
        writer.execute(() -> write(copy, null));
    }

    /** Appends one stereo frame; the arrays are copied. */
    void append(short[] left, short[] right) {
        short[] leftCopy = left.clone();
        short[] rightCopy = right.clone();
        writer.execute(() -> write(leftCopy, rightCopy));
    }

    /** Completes the file and tells the listener; {@code detail} says why it ended when not asked to. */
    void finish(String detail) {
        writer.execute(() -> close(detail));
    }

    private void open() {
        try {
            wav = WavWriter.create(file, mode == RecordingMode.STEREO ? 2 : 1, LegMedia.SAMPLE_RATE);
        } catch (IOException | RuntimeException e) {
            failure = "cannot write " + file + ": " + e.getMessage();
            log.warn("recording {} {}", id, failure);
        }
    }

    private void write(short[] left, short[] right) {
        if (wav == null) {
            return;
        }
        try {
            if (right == null) {
                wav.write(left, 0, left.length);
            } else {
                wav.write(left, right, left.length);
            }
        } catch (IOException e) {
            failure = "writing " + file + " failed: " + e.getMessage();
            log.warn("recording {} {}", id, failure);
            closeQuietly();
        }
    }

    private void close(String detail) {
        long frames = wav == null ? 0 : wav.frames();
        closeQuietly();
        Duration length = Duration.ofMillis(frames * 1000 / LegMedia.SAMPLE_RATE);
        String reported = failure != null ? failure : detail;
        notifier.execute(() -> listener.ended(file, length, reported));
    }

    private void closeQuietly() {
        if (wav == null) {
            return;
        }
        try {
            wav.close();
        } catch (IOException e) {
            failure = "completing " + file + " failed: " + e.getMessage();
        }
        wav = null;
    }
}
