package io.callflow.engine.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.common.Json;
import java.util.Comparator;

/**
 * Whether a replayed event is the one recorded. Records compare by value, and almost always that
 * settles it. A recorded event has been through the event store's JSON, though, and JSON does not
 * tell a missing {@code JsonNode} from a JSON {@code null}, nor an int node from a long node of the
 * same value; so two events that differ only in those ways are compared again as they would be
 * stored, and are the same when their stored forms are.
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

    private SameEvent() {
    }

    static boolean test(ActiveflowEvent recorded, ActiveflowEvent replayed) {
        if (recorded.equals(replayed)) {
            return true;
        }
        if (recorded.getClass() != replayed.getClass()) {
            return false;
        }
        JsonNode stored = Json.mapper().valueToTree(recorded);
        return stored.equals(AS_STORED, Json.mapper().valueToTree(replayed));
    }
}
