package io.callflow.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.common.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Objects;

/**
 * Whether a replayed event is the one recorded. Records compare by value, and almost always that
 * settles it. A recorded event has been through the event store's JSON, though, and JSON does not
 * tell a missing {@code JsonNode} from a JSON {@code null}, nor an int node from a long node of the
 * same value; so two events that differ only in those ways are compared again as they would be
 * stored, and are the same when their stored forms are.
 *
 * <p>The usual such difference is a {@code JsonNode} field that is null on one side and a JSON null on the
 * other (an action's {@code result} after every action without one), so the events are first compared field
 * by field with exactly those allowances; only when that finds another difference are both written as trees.
 */
final class SameEvent {
    /** Leaves are equal when equal as JSON values: integral numbers by value, everything else by equals. */
    private static final Comparator<JsonNode> AS_STORED = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        boolean sameNumber = a.isIntegralNumber() && b.isIntegralNumber()
                && a.bigIntegerValue().equals(b.bigIntegerValue());
        return sameNumber ? 0 : 1;
    };
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components == null ? 0 : components.length];
            for (int i = 0; i < accessors.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private SameEvent() {
    }

    static boolean test(ActiveflowEvent recorded, ActiveflowEvent replayed) {
        if (recorded.equals(replayed)) {
            return true;
        }
        if (recorded.getClass() != replayed.getClass()) {
            return false;
        }
        if (recorded.getClass().isRecord() && sameFieldByField(recorded, replayed)) {
            return true;
        }
        JsonNode stored = Json.mapper().valueToTree(recorded);
        return stored.equals(AS_STORED, Json.mapper().valueToTree(replayed));
    }

    /**
     * True only if every field is equal, or both are JSON trees equal as stored, or one is null and the other a
     * JSON null: then their stored forms are equal too. False says nothing: the stored forms decide.
     */
    private static boolean sameFieldByField(ActiveflowEvent recorded, ActiveflowEvent replayed) {
        try {
            for (Method accessor : ACCESSORS.get(recorded.getClass())) {
                Object was = accessor.invoke(recorded);
                Object now = accessor.invoke(replayed);
                if (!Objects.equals(was, now) && !(jsonNull(was) && jsonNull(now))
                        && !(was instanceof JsonNode a && now instanceof JsonNode b && a.equals(AS_STORED, b))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    private static boolean jsonNull(Object value) {
        return value == null || value instanceof JsonNode node && node.isNull();
    }
}
