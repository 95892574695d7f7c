package io.callflow.media.mixer;

import io.callflow.media.audio.Pcm;
import io.callflow.media.scheduling.ThreadScheduling;
import io.callflow.media.tts.SpeechEngine;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process mixing core. One clock thread owns every leg, room, playback and
 * recording: each 20 ms it runs the commands queued by other threads, pulls a frame from
 * every leg, mixes each room in 16-bit linear PCM with saturation and sends every leg the
 * others in its room (N−1), plus the playbacks aimed at the leg or its room, plus itself when
 * echo is on. Ticks follow absolute deadlines on {@link System#nanoTime()}, so the clock never
 * drifts; after a stall of more than {@value #MAX_CATCH_UP_TICKS} ticks it skips ahead
 * instead of bursting.
 * <p>
 * Other threads: workers prepare audio sources (speech, WAV files, URLs, tones); one writer
 * writes recordings; one notifier calls the listeners, in the order the events happened.
 * A command naming an unknown leg or room is logged and dropped (a play or record to one
 * ends at once, FAILED or with a detail).
 */
public final class LocalMixingCore implements MixingCore {
    static final long TICK_NANOS = 20_000_000;
    private static final int MAX_CATCH_UP_TICKS = 5;
    private static final int FRAME = LegMedia.FRAME_SAMPLES;
    private static final Logger log = LoggerFactory.getLogger(LocalMixingCore.class);

    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final LatenessHistogram lateness = new LatenessHistogram();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService worker;
    private final ExecutorService writer;
    private final ExecutorService notifier;
    private final SourcePreparer preparer;
    private final Thread clock;
    private final ThreadScheduling scheduling;
    private volatile boolean running = true;

    // Clock thread only:
    private final Map<String, Leg> legs = new HashMap<>();
    private final Map<String, Room> rooms = new HashMap<>();
    private final List<Room> roomList = new ArrayList<>();
    private final Map<String, Playback> playbacks = new HashMap<>();
    private final Map<String, Recording> recordings = new HashMap<>();
    private final short[] saidAndHeard = new short[FRAME];

    /** A core whose URL sources are fetched with a default HTTP client (5 s connect timeout). */
    public LocalMixingCore(SpeechEngine speech) {
        this(speech, ThreadScheduling.ORDINARY);
    }

    /** As above, the clock thread scheduled by {@code scheduling} (e.g. real-time). */
    public LocalMixingCore(SpeechEngine speech, ThreadScheduling scheduling) {
        this(speech, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), scheduling);
    }

    /** Starts the clock at once; URL sources are fetched with {@code http}, each within 10 s. */
    public LocalMixingCore(SpeechEngine speech, HttpClient http) {
        this(speech, http, ThreadScheduling.ORDINARY);
    }

    /** The clock thread scheduled by {@code scheduling}; URL sources fetched with {@code http}. */
    public LocalMixingCore(SpeechEngine speech, HttpClient http, ThreadScheduling scheduling) {
        this.scheduling = scheduling;
        this.worker = Executors.newFixedThreadPool(4, daemons("mixer-prepare"));
        this.writer = Executors.newSingleThreadExecutor(daemons("mixer-recorder"));
        this.notifier = Executors.newSingleThreadExecutor(daemons("mixer-events"));
        this.preparer = new SourcePreparer(speech, http, worker, Duration.ofSeconds(10));
        this.clock = daemons("mixer-clock").newThread(this::runClock);
        clock.setPriority(Thread.MAX_PRIORITY);
        clock.start();
    }

    @Override
    public void addLeg(String legId, LegMedia media) {
        submit(() -> {
            if (legs.containsKey(legId) || rooms.containsKey(legId)) {
                log.warn("leg {} not added: the id is taken by a leg or room", legId);
                return;
            }
            Room own = addRoom(legId, true);
            Leg leg = new Leg(legId, media, own);
            legs.put(legId, leg);
            moveTo(leg, own);
        });
    }

    @Override
    public void removeLeg(String legId) {
        submit(() -> withLeg(legId, this::remove));
    }

    @Override
    public void createRoom(String roomId) {
        submit(() -> {
            if (rooms.containsKey(roomId)) {
                log.warn("room {} not created: it exists", roomId);
                return;
            }
            addRoom(roomId, false);
        });
    }

    @Override
    public void joinRoom(String legId, String roomId) {
        submit(() -> withLeg(legId, leg -> {
            Room room = rooms.get(roomId);
            if (room == null) {
                log.warn("leg {} cannot join room {}: no such room", legId, roomId);
                return;
            }
            moveTo(leg, room);
        }));
    }

    @Override
    public void leaveRoom(String legId) {
        submit(() -> withLeg(legId, leg -> moveTo(leg, leg.ownRoom)));
    }

    @Override
    public void deleteRoom(String roomId) {
        submit(() -> {
            Room room = rooms.get(roomId);
            if (room == null || room.ownedByLeg) {
                log.warn("room {} not deleted: {}", roomId, room == null ? "no such room" : "it belongs to its leg");
                return;
            }
            deleteRoom(room, "room deleted");
        });
    }

    @Override
    public void mute(String legId, boolean muted) {
        submit(() -> withLeg(legId, leg -> leg.muted = muted));
    }

    @Override
    public void deaf(String legId, boolean deaf) {
        submit(() -> withLeg(legId, leg -> leg.deaf = deaf));
    }

    @Override
    public void echo(String legId, boolean on) {
        submit(() -> withLeg(legId, leg -> leg.echo = on));
    }

    @Override
    public String play(String legOrRoomId, List<AudioSource> sources, PlaybackListener listener) {
        requireRunning();
        String id = "playback-" + ids.incrementAndGet();
        List<CompletableFuture<short[]>> prepared = new ArrayList<>(sources.size());
        for (AudioSource source : sources) {
            prepared.add(preparer.prepare(source));
        }
        Playback playback = new Playback(id, legOrRoomId, prepared, listener);
        submit(() -> {
            ArrayDeque<Playback> queue = playbackQueue(legOrRoomId);
            if (queue == null) {
                playback.cancel();
                notify(playback, PlaybackListener.Outcome.FAILED, "no leg or room " + legOrRoomId);
                return;
            }
            queue.add(playback);
            playbacks.put(id, playback);
        });
        return id;
    }

    @Override
    public void stopPlayback(String playbackId) {
        submit(() -> {
            Playback playback = playbacks.get(playbackId);
            if (playback != null) {
                ArrayDeque<Playback> queue = playbackQueue(playback.target);
                if (queue != null) {
                    queue.remove(playback);
                }
                end(playback, PlaybackListener.Outcome.STOPPED, null);
            }
        });
    }

    @Override
    public void stopPlaybacks(String legOrRoomId) {
        submit(() -> {
            ArrayDeque<Playback> queue = playbackQueue(legOrRoomId);
            if (queue != null) {
                stopAll(queue);
            }
        });
    }

    @Override
    public String record(String legOrRoomId, Path file, RecordingMode mode, RecordingListener listener) {
        return record(legOrRoomId, file, mode, null, listener);
    }

    @Override
    public String record(String legOrRoomId, Path file, RecordingMode mode, Duration endOfSilence,
                         RecordingListener listener) {
        String id = "recording-" + ids.incrementAndGet();
        submit(() -> {
            Leg leg = legs.get(legOrRoomId);
            Room room = leg == null ? rooms.get(legOrRoomId) : null;
            if (leg == null && room == null) {
                notifier.execute(() -> listener.ended(file, Duration.ZERO, "no leg or room " + legOrRoomId));
                return;
            }
            // A room has one mix, so a room recording is always mono.
            RecordingMode layout = leg == null ? RecordingMode.MONO : mode;
            Recording recording = new Recording(id, legOrRoomId, file, layout, listener, writer, notifier);
            if (leg != null && endOfSilence != null && !endOfSilence.isNegative() && !endOfSilence.isZero()) {
                recording.endAfterSilence((int) Math.max(1, endOfSilence.toMillis() / 20));
            }
            (leg != null ? leg.recordings : room.recordings).add(recording);
            recordings.put(id, recording);
        });
        return id;
    }

    @Override
    public void stopRecording(String recordingId) {
        submit(() -> {
            Recording recording = recordings.remove(recordingId);
            if (recording != null) {
                Leg leg = legs.get(recording.target);
                (leg != null ? leg.recordings : rooms.get(recording.target).recordings).remove(recording);
                recording.finish(null);
            }
        });
    }

    @Override
    public void detectMachine(String legId, AmdParameters parameters, Consumer<AmdResult> result) {
        MachineDetector detector = new MachineDetector(MachineDetector.normalize(parameters));
        submit(() -> {
            Leg leg = legs.get(legId);
            if (leg == null) {
                report(result, new AmdResult(AmdResult.Verdict.NOTSURE, "no leg " + legId));
                return;
            }
            if (leg.detector != null) {
                report(leg.detectorListener, new AmdResult(AmdResult.Verdict.NOTSURE, "superseded"));
            }
            leg.detector = detector;
            leg.detectorListener = result;
        });
    }

    @Override
    public TickStats tickStats() {
        return lateness.stats();
    }

    @Override
    public void resetTickStats() {
        // the clock thread is the histogram's only writer, so it clears it too
        submit(lateness::reset);
    }

    /** Stops the clock (every playback ends STOPPED, every recording is completed) and the core's threads. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(clock);
        try {
            clock.join(TimeUnit.SECONDS.toMillis(5));
            worker.shutdownNow();
            writer.shutdown();
            writer.awaitTermination(10, TimeUnit.SECONDS);
            notifier.shutdown();
            notifier.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the clock thread ----

    private void runClock() {
        scheduling.enter();
        long deadline = System.nanoTime() + TICK_NANOS;
        while (running) {
            long now = System.nanoTime();
            while (now < deadline && running) {
                LockSupport.parkNanos(this, deadline - now);
                now = System.nanoTime();
            }
            if (!running) {
                break;
            }
            lateness.record((now - deadline) / 1_000);
            try {
                tick();
            } catch (RuntimeException e) {
                log.error("mixer tick failed", e);
            }
            deadline += TICK_NANOS;
            long behind = System.nanoTime() - deadline;
            if (behind > MAX_CATCH_UP_TICKS * TICK_NANOS) {
                deadline += (behind / TICK_NANOS) * TICK_NANOS;
            }
        }
        runCommands();
        for (Leg leg : new ArrayList<>(legs.values())) {
            remove(leg);
        }
        for (Room room : new ArrayList<>(roomList)) {
            deleteRoom(room, "mixing core closed");
        }
    }

    private void tick() {
        runCommands();
        for (int r = 0; r < roomList.size(); r++) {
            mixRoom(roomList.get(r));
        }
    }

    private void runCommands() {
        Runnable command;
        while ((command = commands.poll()) != null) {
            try {
                command.run();
            } catch (RuntimeException e) {
                log.error("mixer command failed", e);
            }
        }
    }

    private void mixRoom(Room room) {
        int[] mix = room.mix;
        Arrays.fill(mix, 0);
        advance(room.playbacks, mix);
        List<Leg> members = room.legs;
        for (int l = 0; l < members.size(); l++) {
            Leg leg = members.get(l);
            short[] received = receive(leg);
            short[] said = leg.said;
            int length = received == null ? 0 : Math.min(received.length, FRAME);
            if (leg.muted || length == 0) {
                Arrays.fill(said, (short) 0);
            } else {
                System.arraycopy(received, 0, said, 0, length);
                Arrays.fill(said, length, FRAME, (short) 0);
            }
            listenForMachine(leg, received);
            for (int i = 0; i < FRAME; i++) {
                mix[i] += said[i];
            }
        }
        for (int l = 0; l < members.size(); l++) {
            Leg leg = members.get(l);
            int[] playing = leg.playing;
            Arrays.fill(playing, 0);
            advance(leg.playbacks, playing);
            short[] said = leg.said;
            short[] heard = leg.heard;
            if (leg.deaf) {
                Arrays.fill(heard, (short) 0);
            } else {
                int self = leg.echo ? 0 : 1;
                for (int i = 0; i < FRAME; i++) {
                    heard[i] = Pcm.saturate(mix[i] - self * said[i] + playing[i]);
                }
            }
            send(leg);
            recordLeg(leg);
        }
        if (!room.recordings.isEmpty()) {
            for (int i = 0; i < FRAME; i++) {
                room.mixed[i] = Pcm.saturate(mix[i]);
            }
            for (int k = 0; k < room.recordings.size(); k++) {
                room.recordings.get(k).append(room.mixed);
            }
        }
    }

    private short[] receive(Leg leg) {
        try {
            return leg.media.receive();
        } catch (RuntimeException e) {
            log.warn("leg {} receive failed; treated as silence", leg.id, e);
            return null;
        }
    }

    private void send(Leg leg) {
        try {
            leg.media.send(leg.heard);
        } catch (RuntimeException e) {
            log.warn("leg {} send failed", leg.id, e);
        }
    }

    private void recordLeg(Leg leg) {
        List<Recording> list = leg.recordings;
        for (int k = 0; k < list.size(); k++) {
            Recording recording = list.get(k);
            if (recording.silenceEnds(leg.said)) {
                list.remove(k--);
                recordings.remove(recording.id);
                recording.finish("end of silence");
                continue;
            }
            if (recording.mode == RecordingMode.STEREO) {
                recording.append(leg.said, leg.heard);
            } else {
                for (int i = 0; i < FRAME; i++) {
                    saidAndHeard[i] = Pcm.saturate(leg.heard[i] + leg.said[i]);
                }
                recording.append(saidAndHeard);
            }
        }
    }

    private void listenForMachine(Leg leg, short[] received) {
        if (leg.detector == null) {
            return;
        }
        AmdResult verdict = leg.detector.frame(received);
        if (verdict != null) {
            report(leg.detectorListener, verdict);
            leg.detector = null;
            leg.detectorListener = null;
        }
    }

    /** Mixes the head of a playback queue into {@code out}, ending it when it has played. */
    private void advance(ArrayDeque<Playback> queue, int[] out) {
        Playback head = queue.peek();
        if (head == null) {
            return;
        }
        Playback.State state = head.mixInto(out);
        if (state != Playback.State.PLAYING) {
            queue.poll();
            end(head, state == Playback.State.FINISHED ? PlaybackListener.Outcome.FINISHED
                    : PlaybackListener.Outcome.FAILED, head.failure());
        }
    }

    private void end(Playback playback, PlaybackListener.Outcome outcome, String detail) {
        if (playbacks.remove(playback.id) != null) {
            playback.cancel();
            notify(playback, outcome, detail);
        }
    }

    private void stopAll(ArrayDeque<Playback> queue) {
        Playback playback;
        while ((playback = queue.poll()) != null) {
            end(playback, PlaybackListener.Outcome.STOPPED, null);
        }
    }

    private ArrayDeque<Playback> playbackQueue(String legOrRoomId) {
        Leg leg = legs.get(legOrRoomId);
        if (leg != null) {
            return leg.playbacks;
        }
        Room room = rooms.get(legOrRoomId);
        return room == null ? null : room.playbacks;
    }

    private Room addRoom(String roomId, boolean ownedByLeg) {
        Room room = new Room(roomId, ownedByLeg);
        rooms.put(roomId, room);
        roomList.add(room);
        return room;
    }

    private void moveTo(Leg leg, Room room) {
        if (leg.room == room) {
            return;
        }
        if (leg.room != null) {
            leg.room.legs.remove(leg);
        }
        leg.room = room;
        room.legs.add(leg);
    }

    private void remove(Leg leg) {
        stopAll(leg.playbacks);
        finishAll(leg.recordings, "leg removed");
        if (leg.detector != null) {
            report(leg.detectorListener, new AmdResult(AmdResult.Verdict.NOTSURE, "leg_removed"));
            leg.detector = null;
        }
        leg.room.legs.remove(leg);
        legs.remove(leg.id);
        deleteRoom(leg.ownRoom, "leg removed");
    }

    private void deleteRoom(Room room, String why) {
        for (Leg member : new ArrayList<>(room.legs)) {
            moveTo(member, member.ownRoom);
        }
        stopAll(room.playbacks);
        finishAll(room.recordings, why);
        rooms.remove(room.id);
        roomList.remove(room);
    }

    private void finishAll(List<Recording> list, String why) {
        for (Recording recording : list) {
            recordings.remove(recording.id);
            recording.finish(why);
        }
        list.clear();
    }

    private void withLeg(String legId, Consumer<Leg> action) {
        Leg leg = legs.get(legId);
        if (leg == null) {
            log.warn("no leg {}", legId);
            return;
        }
        action.accept(leg);
    }

    private void notify(Playback playback, PlaybackListener.Outcome outcome, String detail) {
        notifier.execute(() -> {
            try {
                playback.listener.ended(outcome, detail);
            } catch (RuntimeException e) {
                log.error("playback listener for {} failed", playback.id, e);
            }
        });
    }

    private void report(Consumer<AmdResult> listener, AmdResult result) {
        notifier.execute(() -> {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                log.error("machine detection listener failed", e);
            }
        });
    }

    private void submit(Runnable command) {
        requireRunning();
        commands.add(command);
    }

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException("the mixing core is closed");
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
