package io.callflow.media.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.action.IdOptions;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.MediaRequested;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.call.Address;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CreateCall;
import io.callflow.domain.call.HangupReason;
import io.callflow.domain.flow.FlowId;
import io.callflow.media.mixer.AmdParameters;
import io.callflow.media.mixer.AmdResult;
import io.callflow.media.mixer.AudioSource;
import io.callflow.media.mixer.MixingCore;
import io.callflow.media.mixer.PlaybackListener;
import io.callflow.media.mixer.RecordingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media operations a flow or the API asks of a live call (answer, talk, play, beep,
 * digits_send, echo, hangup, mute/unmute, recording_start/stop, amd, connect) and the
 * {@code call} action, on the mixing core and the call's SIP dialog. Every method returns at
 * once; operations that take time report to their order when they end.
 */
final class MediaOperations implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaOperations.class);

    private final MixingCore mixer;
    private final CallCommands commands;
    private final Connects connects;
    private final Path recordings;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "media-timers"));
    /** Outcomes are sent from here: mixer listeners must not block. */
    private final ExecutorService outcomes = Executors.newFixedThreadPool(2, r -> new Thread(r, "media-outcomes"));
    /** How recently ended calls ended, the newest 10,000. */
    private final Map<UUID, HangupReason> endedCalls = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, HangupReason> eldest) {
                    return size() > 10_000;
                }
            });


    MediaOperations(MixingCore mixer, CallCommands commands, Connects connects, Path recordings, Clock clock) {
        this.mixer = mixer;
        this.commands = commands;
        this.connects = connects;
        this.recordings = recordings;
        this.clock = clock;
    }

    /** Reports an outcome off the caller's thread. */
    void report(Runnable send) {
        outcomes.execute(send);
    }

    /** The flow no longer waits for the playback of {@code step}. */
    void cancel(LiveCall call, long step) {
        String playback = call.playbacks().remove(step);
        if (playback != null) {
            mixer.stopPlayback(playback);
        }
    }

    /** Performs one operation; a failure is reported to the order, never thrown. */
    void perform(LiveCall call, MediaOrder order) {
        try {
            perform(call, order, order.option());
        } catch (RuntimeException e) {
            log.warn("call {}: {} failed", call.callId(), order.operation(), e);
            order.done().report(false, order.operation() + " failed: " + e.getMessage(), Map.of());
        }
    }

    /** Remembers how a call ended, for hangup actions that copy another call's reason. */
    void ended(CallHungUp hungUp) {
        endedCalls.put(hungUp.callId().value(), hungUp.reason());
    }

    /** Reference 6.3: with reference_id, that call's reason once it has hung up (else normal); without, the reason option. */
    private HangupReason hangupReason(ObjectNode option) {
        Optional<UUID> reference = IdOptions.read(option, "reference_id");
        if (reference.isPresent()) {
            return endedCalls.getOrDefault(reference.get(), HangupReason.NORMAL);
        }
        return HangupReason.fromWireName(text(option, "reason", "normal")).orElse(HangupReason.NORMAL);
    }

    private void perform(LiveCall call, MediaOrder request, ObjectNode option) {
        switch (request.operation()) {
            case "answer" -> answer(call, request);
            case "talk" -> play(call, request, List.of(new AudioSource.Speech(text(option, "text", ""),
                    text(option, "language", ""), text(option, "voice_id", ""))));
            case "play" -> play(call, request, sources(option.get("stream_urls")));
            case "beep" -> play(call, request, List.of(new AudioSource.Tone("beep", 0)));
            case "digits_send" -> sendDigits(call, request, option);
            case "echo", "stream_echo" -> echo(call, request, number(option, "duration", 0));
            case "hangup" -> commands.hangup(call, hangupReason(option));
            case "mute", "unmute" -> {
                String direction = text(option, "direction", "both");
                boolean on = "mute".equals(request.operation());
                mute(call, direction, on);
                outcomes.execute(() -> commands.muted(call, direction.isEmpty() ? "both" : direction, on));
                request.done().report(true, null, Map.of());
            }
            case "recording_start" -> startRecording(call, request, option);
            case "recording_stop" -> {
                stopRecordings(call);
                request.done().report(true, null, Map.of());
            }
            case "amd" -> detectMachine(call, request, option);
            case "connect" -> connect(call, request, option);
            default -> request.done().report(false, request.operation() + " is not supported on calls yet", Map.of());
        }
    }

    private void answer(LiveCall call, MediaOrder request) {
        call.whenAnswered(() -> request.done().report(true, null, Map.of()));
        call.sip().answer();
    }

    /** Audio needs an answered call: a flow that speaks before it answers answers first. */
    private void whenUp(LiveCall call, Runnable action) {
        if (!call.isAnswered()) {
            call.sip().answer();
        }
        call.whenAnswered(action);
    }

    private void play(LiveCall call, MediaOrder request, List<AudioSource> sources) {
        whenUp(call, () -> {
            String playback = mixer.play(call.legId(), sources, (outcome, detail) -> {
                call.playbacks().remove(request.key());
                request.done().report(outcome != PlaybackListener.Outcome.FAILED, detail, Map.of());
            });
            call.playbacks().put(request.key(), playback);
        });
    }

    private static List<AudioSource> sources(JsonNode urls) {
        List<AudioSource> sources = new ArrayList<>();
        if (urls != null) {
            urls.forEach(url -> sources.add(source(url.asText())));
        }
        return sources;
    }

    /** {@code tone:<name>} plays a generated tone (beep, dtmf:5, ringback:us ...); anything else is fetched. */
    private static AudioSource source(String url) {
        if (url.startsWith("tone:")) {
            return new AudioSource.Tone(url.substring("tone:".length()), 0);
        }
        return new AudioSource.Url(URI.create(url));
    }

    private void sendDigits(LiveCall call, MediaOrder request, ObjectNode option) {
        String digits = text(option, "digits", "");
        long duration = number(option, "duration", 100);
        long interval = number(option, "interval", 0);
        whenUp(call, () -> {
            for (int i = 0; i < digits.length(); i++) {
                char digit = digits.charAt(i);
                timers.schedule(() -> call.sip().sendDigit(digit, (int) duration), i * (duration + interval),
                        TimeUnit.MILLISECONDS);
            }
            long total = digits.length() * duration + Math.max(0, digits.length() - 1) * interval;
            timers.schedule(() -> request.done().report(true, null, Map.of()), total, TimeUnit.MILLISECONDS);
        });
    }

    /** Reference 4: a duration of 0 or less echoes for 180 s. */
    private void echo(LiveCall call, MediaOrder request, long duration) {
        long millis = duration <= 0 ? 180_000 : duration;
        whenUp(call, () -> {
            mixer.echo(call.legId(), true);
            timers.schedule(() -> {
                mixer.echo(call.legId(), false);
                request.done().report(true, null, Map.of());
            }, millis, TimeUnit.MILLISECONDS);
        });
    }

    /** D14: {@code in} is what the caller says (nobody hears it), {@code out} what the caller hears. */
    private void mute(LiveCall call, String direction, boolean on) {
        if ("in".equals(direction) || "both".equals(direction) || direction.isEmpty()) {
            mixer.mute(call.legId(), on);
        }
        if ("out".equals(direction) || "both".equals(direction) || direction.isEmpty()) {
            mixer.deaf(call.legId(), on);
        }
    }

    private void startRecording(LiveCall call, MediaOrder request, ObjectNode option) {
        UUID recordingId = request.id();
        Path file = recordings.resolve(recordingId + ".wav");
        whenUp(call, () -> {
            if (option.path("beep_start").asBoolean(false)) {
                mixer.play(call.legId(), List.of(new AudioSource.Tone("beep", 0)), (outcome, detail) -> { });
            }
            // a recording can end before record() returns (its leg went): its end is reported after its start,
            // and what was registered for it here is taken back once both happened
            CompletableFuture<String> registered = new CompletableFuture<>();
            CompletableFuture<Void> started = new CompletableFuture<>();
            long silence = number(option, "end_of_silence", 0);
            String recording = mixer.record(call.legId(), file, RecordingMode.MONO,
                    silence > 0 ? java.time.Duration.ofSeconds(silence) : null, (path, length, detail) -> {
                registered.thenAccept(handle -> {
                    call.recordings().remove(recordingId);
                    call.recordingEnded(handle);
                });
                started.thenRunAsync(() -> {
                    commands.recordingFinished(call, recordingId, path, length, detail);
                    startOnEndFlow(call, recordingId, path, option);
                }, outcomes);
            });
            call.recordings().put(recordingId, recording);
            String endKeys = text(option, "end_of_key", "");
            if (!endKeys.isEmpty()) {
                call.endRecordingOnKey(recording, endKeys);
            }
            registered.complete(recording);
            outcomes.execute(() -> {
                try {
                    commands.recordingStarted(call, recordingId, "mono");
                } finally {
                    started.complete(null);
                }
            });
            long seconds = number(option, "duration", 0);
            if (seconds > 0) {
                timers.schedule(() -> mixer.stopRecording(recording), seconds, TimeUnit.SECONDS);
            }
            request.done().report(true, null, Map.of("voipbin.recording.id", recordingId.toString()));
        });
    }

    /**
     * recording_start's {@code on_end_flow_id}: once the recording's file is complete, that flow runs for the
     * recording (reference type {@code recording}, so it runs no media actions) with the {@code voipbin.recording.*}
     * variables of reference 5.5.
     */
    private void startOnEndFlow(LiveCall call, UUID recordingId, Path file, ObjectNode option) {
        Optional<UUID> flow = IdOptions.read(option, "on_end_flow_id");
        if (flow.isEmpty()) {
            return;
        }
        Map<String, String> variables = Map.of(
                "voipbin.recording.id", recordingId.toString(),
                "voipbin.recording.reference_type", "call",
                "voipbin.recording.reference_id", call.callId().toString(),
                "voipbin.recording.format", "wav",
                "voipbin.recording.recording_name", recordingId.toString(),
                "voipbin.recording.filenames", file.getFileName().toString());
        commands.send(new StartActiveflow(new ActiveflowId(UUID.randomUUID()), call.customerId(),
                new FlowId(flow.get()), null, ReferenceType.RECORDING, recordingId, call.activeflowId(), 0,
                variables, clock.instant()));
    }

    /** Reference 7.3 with D3: see {@link Connects}. */
    private void connect(LiveCall call, MediaOrder order, ObjectNode option) {
        whenUp(call, () -> {
            String ringback = mixer.play(call.legId(), List.of(new AudioSource.Tone("ringback:us", 120_000)),
                    (outcome, detail) -> { });
            Connects.Attempt attempt = connects.start(call, order, option.path("relay_reason").asBoolean(false),
                    ringback);
            Address source = address(option.get("source"), callerOf(call));
            for (JsonNode destination : option.path("destinations")) {
                Address to = address(destination, null);
                if (to == null || !("tel".equals(to.type()) || "sip".equals(to.type()))) {
                    continue; // agents and extensions become groupcalls, which this platform has not yet
                }
                CallId leg = new CallId(UUID.randomUUID());
                connects.ringing(attempt, leg);
                commands.send(new CreateCall(leg, call.customerId(), CallDirection.OUTGOING, source, to, null, null,
                        null, call.callId(), null, null, null, anonymous(option, call), false, clock.instant()));
            }
            connects.nothingToDial(attempt);
        });
    }

    /** The {@code call} action: independent outgoing calls running their own flow; chained ones hang up with this call. */
    void newCalls(MediaRequested request, LiveCall caller) {
        ObjectNode option = request.option();
        FlowId flowId = IdOptions.read(option, "flow_id").map(FlowId::new).orElse(null);
        // the nested actions were validated with the flow; parsing them again gives each its id
        List<Action> actions = flowId != null || !option.has("actions") ? null
                : new ActionsValidator().parse(option.get("actions"), "/actions", UUID::randomUUID).actions();
        boolean chained = option.path("chained").asBoolean(false) && request.callId() != null;
        Address source = address(option.get("source"), callerOf(caller));
        for (JsonNode destination : option.path("destinations")) {
            Address to = address(destination, null);
            if (to == null || !("tel".equals(to.type()) || "sip".equals(to.type()))) {
                continue;
            }
            commands.send(new CreateCall(new CallId(UUID.randomUUID()), request.customerId(), CallDirection.OUTGOING,
                    source, to, flowId, actions, new ActiveflowId(UUID.randomUUID()),
                    chained ? new CallId(request.callId()) : null, null, null, null, anonymous(option, caller),
                    option.path("early_execution").asBoolean(false), clock.instant()));
        }
    }

    /**
     * Who the new calls of {@code call} and {@code connect} present when the option names no {@code source}:
     * the caller of the call they are made for (its caller id goes on, as a forwarded call shows it), or
     * {@code anonymous} when there is none.
     */
    private static Address callerOf(LiveCall call) {
        return call != null && call.source() != null ? call.source() : Address.of("tel", "anonymous");
    }

    /**
     * The {@code anonymous} option of {@code call} and {@code connect} (reference 6.4 with D19): {@code yes}
     * withholds the caller id of the new calls; {@code auto} withholds it when the caller of this call withheld
     * its own (or this call was dialed anonymous), so the privacy it asked for goes on; {@code no} and
     * {@code ""} show it.
     */
    static boolean anonymous(ObjectNode option, LiveCall caller) {
        String value = text(option, "anonymous", "");
        return "yes".equals(value) || ("auto".equals(value) && caller != null && caller.callerWithheld());
    }

    private static Address address(JsonNode json, Address fallback) {
        if (json == null || !json.isObject()) {
            return fallback;
        }
        return new Address(json.path("type").asText(""), json.path("target").asText(""),
                json.path("target_name").asText(""), json.path("name").asText(""), json.path("detail").asText(""));
    }

    private void stopRecordings(LiveCall call) {
        call.recordings().values().forEach(mixer::stopRecording);
    }

    private void detectMachine(LiveCall call, MediaOrder request, ObjectNode option) {
        boolean hangupOnMachine = "hangup".equals(text(option, "machine_handle", "hangup"));
        whenUp(call, () -> mixer.detectMachine(call.legId(), AmdParameters.defaults(), (AmdResult result) -> {
            String verdict = result.verdict().name().toLowerCase(Locale.ROOT);
            Map<String, String> variables = Map.of("voipbin.amd.result", verdict,
                    "voipbin.amd.cause", result.cause() == null ? "" : result.cause());
            request.done().report(true, null, variables);
            if (result.verdict() == AmdResult.Verdict.MACHINE && hangupOnMachine) {
                outcomes.execute(() -> commands.hangup(call, HangupReason.AMD));
            }
        }));
    }


    private static String text(ObjectNode option, String name, String fallback) {
        JsonNode value = option == null ? null : option.get(name);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static long number(ObjectNode option, String name, long fallback) {
        JsonNode value = option == null ? null : option.get(name);
        return value == null || !value.canConvertToLong() ? fallback : value.asLong();
    }


    @Override
    public void close() {
        timers.shutdownNow();
        outcomes.shutdown();
    }
}
