package io.callflow.domain.number;

import io.callflow.domain.common.EntityId;
import java.util.Objects;
import java.util.UUID;

/** The id of a number. */
public record NumberId(UUID value) implements EntityId {
    public NumberId {
        Objects.requireNonNull(value, "number id");
    }

    public static NumberId of(String text) {
        return new NumberId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
