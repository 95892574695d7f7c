package io.callflow.domain.trunk;

import io.callflow.domain.common.EntityId;
import java.util.Objects;
import java.util.UUID;

/** The id of a trunk. */
public record TrunkId(UUID value) implements EntityId {
    public TrunkId {
        Objects.requireNonNull(value, "trunk id");
    }

    public static TrunkId of(String text) {
        return new TrunkId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
