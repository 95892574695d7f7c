package io.callflow.domain.activeflow;

import java.util.Objects;
import java.util.UUID;
import io.callflow.domain.common.EntityId;

/** The id of a activeflow. */
public record ActiveflowId(UUID value) implements EntityId {
    public ActiveflowId {
        Objects.requireNonNull(value, "activeflow id");
    }

    public static ActiveflowId of(String text) {
        return new ActiveflowId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
