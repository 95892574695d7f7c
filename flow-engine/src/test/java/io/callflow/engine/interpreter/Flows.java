package io.callflow.engine.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.domain.flow.FlowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers: flows written as JSON, run through the interpreter, events folded into state. */
final class Flows {
    static final ActiveflowId ACTIVEFLOW = new ActiveflowId(UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001"));
    static final CustomerId CUSTOMER = new CustomerId(UUID.fromString("cccccccc-0000-0000-0000-000000000001"));
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private Flows() {
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    /** JSON with single quotes for readability; {@code #n} stands for {@link #id(int)}. */
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

    static List<Action> actions(String text) {
        ActionsParse parsed = new ActionsValidator().parse(json(text), "/actions", UUID::randomUUID);
        if (!parsed.ok()) {
            throw new AssertionError("test flow is invalid: " + parsed.problems());
        }
        return parsed.actions();
    }

    /** A running activeflow: the state and every event so far. */
    static final class Session {
        final Interpreter interpreter;
        ExecutionState state;
        final List<ActiveflowEvent> events = new ArrayList<>();
        Instant now = T0;

        Session(ExecutionLimits limits, ActiveflowCreated created) {
            this.interpreter = new Interpreter(limits);
            this.state = ExecutionState.initial().evolve(created);
            events.add(created);
        }

        List<ActiveflowEvent> take(List<ActiveflowEvent> decided) {
            for (ActiveflowEvent e : decided) {
                state = state.evolve(e);
            }
            events.addAll(decided);
            return decided;
        }

        List<ActiveflowEvent> start() {
            return take(interpreter.start(state, now));
        }

        /** Types of the actions started, in order. */
        List<String> ran() {
            return events.stream().filter(ActionStarted.class::isInstance).map(ActionStarted.class::cast)
                    .map(e -> e.action().type()).toList();
        }

        List<UUID> ranIds() {
            return events.stream().filter(ActionStarted.class::isInstance).map(ActionStarted.class::cast)
                    .map(e -> e.action().id()).toList();
        }

        <T extends ActiveflowEvent> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends ActiveflowEvent> T last(Class<T> type) {
            List<T> found = all(type);
            if (found.isEmpty()) {
                throw new AssertionError("no " + type.getSimpleName() + " in " + events);
            }
            return found.get(found.size() - 1);
        }
    }

    static Session session(String actions) {
        return session(actions, Map.of(), ExecutionLimits.DEFAULT, null, 0);
    }

    static Session session(String actions, Map<String, String> variables) {
        return session(actions, variables, ExecutionLimits.DEFAULT, null, 0);
    }

    static Session session(String actions, Map<String, String> variables, ExecutionLimits limits,
                           FlowId onComplete, int completeCount) {
        Map<String, String> vars = new HashMap<>(variables);
        return new Session(limits, new ActiveflowCreated(ACTIVEFLOW, CUSTOMER, null, null, actions(actions),
                ReferenceType.API, null, null, onComplete, completeCount, vars, T0));
    }

    static final UUID CALL = UUID.fromString("ca11ca11-0000-0000-0000-000000000001");

    /** An activeflow running for a call, so media actions run. */
    static Session callSession(String actions) {
        return new Session(ExecutionLimits.DEFAULT, new ActiveflowCreated(ACTIVEFLOW, CUSTOMER, null, null,
                actions(actions), ReferenceType.CALL, CALL, null, null, 0, Map.of(), T0));
    }

    /** The on-complete activeflow of a call's activeflow: same reference, one link down the chain (reference 3.10). */
    static Session onCompleteOfCall(String actions) {
        return new Session(ExecutionLimits.DEFAULT, new ActiveflowCreated(new ActiveflowId(UUID.randomUUID()), CUSTOMER,
                null, null, actions(actions), ReferenceType.CALL, CALL, ACTIVEFLOW, null, 1, Map.of(), T0));
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }
}
