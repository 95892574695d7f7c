package io.callflow.engine.interpreter;

import io.callflow.domain.action.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A list of actions being run, and where to return when it runs out
 * ({@code returnStackId}/{@code returnActionId}; both null for the main stack).
 */
public record Stack(UUID id, List<Action> actions, UUID returnStackId, UUID returnActionId,
                    Map<UUID, Integer> positions) {

    public Stack(UUID id, List<Action> actions, UUID returnStackId, UUID returnActionId) {
        this(id, List.copyOf(actions), returnStackId, returnActionId, index(actions));
    }

    /** Position of the first action with this id (duplicates are rejected on save; first match wins as in VoIPbin), or -1. */
    public int indexOf(UUID actionId) {
        return positions.getOrDefault(actionId, -1);
    }

    private static Map<UUID, Integer> index(List<Action> actions) {
        Map<UUID, Integer> positions = new HashMap<>(actions.size() * 2);
        for (int i = actions.size() - 1; i >= 0; i--) {
            positions.put(actions.get(i).id(), i);
        }
        return Map.copyOf(positions);
    }
}
