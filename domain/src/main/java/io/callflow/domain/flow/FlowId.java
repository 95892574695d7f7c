package io.callflow.domain.flow;

import java.util.Objects;
import java.util.UUID;
import io.callflow.domain.common.EntityId;

/** The id of a flow. */
public record FlowId(UUID value) implements EntityId {
    public FlowId {
        Objects.requireNonNull(value, "flow id");
    }

    public static FlowId of(String text) {
        return new FlowId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
