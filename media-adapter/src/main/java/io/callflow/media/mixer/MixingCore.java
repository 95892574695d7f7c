package io.callflow.media.mixer;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The embedded mixing core, shaped after VoiceBlender's API (seed 002): legs, rooms,
 * playback, recording, answering-machine detection. A 20 ms clock mixes every room in
 * 16-bit linear PCM; a leg added alone is a one-leg room. Ids are chosen by the caller.
 * Every method returns at once; listeners are called on a core thread and must not block.
 */
public interface MixingCore extends AutoCloseable {

    /** Adds a leg in a room of its own (named like the leg). */
    void addLeg(String legId, LegMedia media);

    /** Removes the leg; its playbacks end STOPPED, its recordings are finished and reported. */
    void removeLeg(String legId);

    void createRoom(String roomId);

    /** Moves a leg into a room (out of the one it was in). */
    void joinRoom(String legId, String roomId);

    /** Moves the leg back into its own one-leg room. */
    void leaveRoom(String legId);

    /** Removes a room; its legs go back to rooms of their own. */
    void deleteRoom(String roomId);

    /** Nobody hears this leg. */
    void mute(String legId, boolean muted);

    /** This leg hears nothing. */
    void deaf(String legId, boolean deaf);

    /** The leg hears itself (echo test). */
    void echo(String legId, boolean on);

    /**
     * Queues sources to play, one after the other, into a leg (only it hears them) or a
     * room (every leg in it hears them); the listener hears once when all played or the
     * playback stopped. Returns the playback id.
     */
    String play(String legOrRoomId, java.util.List<AudioSource> sources, PlaybackListener listener);

    /** Stops one playback; the listener hears STOPPED. */
    void stopPlayback(String playbackId);

    /** Stops every playback queued into a leg or room. */
    void stopPlaybacks(String legOrRoomId);

    /** Records what a leg says and hears (or a room's mix) to a WAV file; returns the recording id. */
    String record(String legOrRoomId, Path file, RecordingMode mode, RecordingListener listener);

    /**
     * As {@link #record(String, Path, RecordingMode, RecordingListener)}, ending by itself once a leg
     * has said nothing (below -42 dBFS, Asterisk's silence threshold) for {@code endOfSilence}: the
     * {@code end_of_silence} of a recording. A room recording, or a zero or null duration, never does.
     */
    default String record(String legOrRoomId, Path file, RecordingMode mode, java.time.Duration endOfSilence,
                          RecordingListener listener) {
        return record(legOrRoomId, file, mode, listener);
    }

    void stopRecording(String recordingId);

    /** Listens to a leg and reports human, machine or notsure once. */
    void detectMachine(String legId, AmdParameters parameters, Consumer<AmdResult> result);

    /** How late the 20 ms clock's ticks ran, for benchmarks and health. */
    TickStats tickStats();

    /** Starts {@link #tickStats()} afresh from the next tick, e.g. for a benchmark's measured window. */
    void resetTickStats();

    @Override
    void close();
}
