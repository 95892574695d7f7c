package io.callflow.domain.action;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.UUID;

/**
 * One step of a flow, in VoIPbin's shape: {@code {id, next_id, type, option}}.
 * {@code nextId} is null when execution falls through to the next action in the list.
 */
public record Action(UUID id, UUID nextId, String type, ObjectNode option) {
    public Action {
        Objects.requireNonNull(id, "action id");
        Objects.requireNonNull(type, "action type");
        option = option == null ? JsonNodeFactory.instance.objectNode() : option;
        nextId = ReservedIds.EMPTY.equals(nextId) ? null : nextId;
    }

    public Action withOption(ObjectNode newOption) {
        return new Action(id, nextId, type, newOption);
    }
}
