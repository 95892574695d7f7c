package io.callflow.domain.common;

import java.util.Objects;
import java.util.UUID;

/** The id of a accesskey. */
public record AccesskeyId(UUID value) implements EntityId {
    public AccesskeyId {
        Objects.requireNonNull(value, "accesskey id");
    }

    public static AccesskeyId of(String text) {
        return new AccesskeyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
