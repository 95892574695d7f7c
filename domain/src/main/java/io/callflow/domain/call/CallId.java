package io.callflow.domain.call;

import io.callflow.domain.common.EntityId;
import java.util.Objects;
import java.util.UUID;

/** The id of a call. */
public record CallId(UUID value) implements EntityId {
    public CallId {
        Objects.requireNonNull(value, "call id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
