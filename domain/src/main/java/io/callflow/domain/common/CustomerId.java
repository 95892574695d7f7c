package io.callflow.domain.common;

import java.util.Objects;
import java.util.UUID;

/** The id of a customer. */
public record CustomerId(UUID value) implements EntityId {
    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    public static CustomerId of(String text) {
        return new CustomerId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
