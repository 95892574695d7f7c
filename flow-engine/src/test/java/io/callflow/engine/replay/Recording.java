package io.callflow.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Interpreter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An activeflow run the way the Activeflow aggregate runs it: each input handed to the interpreter,
 * the decided events appended to the history and folded into the state. {@link #stored()} gives the
 * history as the event store gives it back, through the platform's JSON.
 */
final class Recording {
    static final ActiveflowId ACTIVEFLOW = new ActiveflowId(UUID.fromString("aaaaaaaa-0000-0000-0000-0000000000f1"));
    static final CustomerId CUSTOMER = new CustomerId(UUID.fromString("cccccccc-0000-0000-0000-0000000000f1"));
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final Interpreter interpreter;
    final List<ActiveflowEvent> history = new ArrayList<>();
    ExecutionState state;
    Instant now = T0;

    private Recording(ExecutionLimits limits, ActiveflowCreated created) {
        interpreter = new Interpreter(limits);
        history.add(created);
        state = ExecutionState.initial().evolve(created);
    }

    /** Creates the activeflow ({@code #n} in the JSON stands for {@link #id(int)}) and runs it until it waits or ends. */
    static Recording started(String actions, Map<String, String> variables, ExecutionLimits limits) {
        ActiveflowCreated created = new ActiveflowCreated(ACTIVEFLOW, CUSTOMER, null, null,
                parse(json(actions)).actions(), ReferenceType.API, null, null, null, 0, variables, T0);
        Recording recording = new Recording(limits, created);
        recording.take(recording.interpreter.start(recording.state, created.at()));
        return recording;
    }

    static Recording started(String actions) {
        return started(actions, Map.of(), ExecutionLimits.DEFAULT);
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    static JsonNode json(String text) {
        String expanded = text.replace('\'', '"');
        for (int n = 99; n >= 1; n--) {
            expanded = expanded.replace("#" + n, id(n).toString());
        }
        try {
            return Json.mapper().readTree(expanded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ActiveflowEvent> take(List<ActiveflowEvent> decided) {
        for (ActiveflowEvent event : decided) {
            state = state.evolve(event);
        }
        history.addAll(decided);
        return decided;
    }

    TimerStarted lastTimer() {
        return last(TimerStarted.class);
    }

    EffectRequested lastRequest() {
        return last(EffectRequested.class);
    }

    List<ActiveflowEvent> fire(TimerStarted timer) {
        now = now.plusSeconds(1);
        return take(interpreter.timerFired(state, timer.step(), timer.actionId(), now));
    }

    List<ActiveflowEvent> respond(EffectRequested request, int status, String body) {
        now = now.plusMillis(250);
        return take(interpreter.effectResponded(state, request.step(), request.actionId(), request.effect(), status,
                body == null ? null : json(body), null, now));
    }

    List<ActiveflowEvent> respondLate(long step, UUID actionId, EffectKind effect) {
        now = now.plusMillis(250);
        return take(interpreter.effectResponded(state, step, actionId, effect, 200, json("[]"), null, now));
    }

    List<ActiveflowEvent> stopThroughTheApi() {
        now = now.plusSeconds(1);
        return take(interpreter.stop(state, StopReason.STOPPED, "stopped through the API", now));
    }

    List<ActiveflowEvent> delete() {
        now = now.plusSeconds(1);
        return take(interpreter.delete(state, now));
    }

    /** The history as the event store hands it back: each event written with the platform's JSON and read again. */
    List<ActiveflowEvent> stored() {
        List<ActiveflowEvent> read = new ArrayList<>(history.size());
        for (ActiveflowEvent event : history) {
            try {
                read.add(Json.mapper().readValue(Json.mapper().writeValueAsBytes(event), event.getClass()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    <T extends ActiveflowEvent> T last(Class<T> type) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (type.isInstance(history.get(i))) {
                return type.cast(history.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + history);
    }

    /** The sequence number of the first event of this type that matches. */
    <T extends ActiveflowEvent> int indexOf(Class<T> type, Predicate<T> matching) {
        for (int i = 0; i < history.size(); i++) {
            if (type.isInstance(history.get(i)) && matching.test(type.cast(history.get(i)))) {
                return i;
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " in " + history);
    }

    private static ActionsParse parse(JsonNode actions) {
        ActionsParse parsed = new ActionsValidator().parse(actions, "/actions", UUID::randomUUID);
        if (!parsed.ok()) {
            throw new AssertionError("test flow is invalid: " + parsed.problems());
        }
        return parsed;
    }
}
