package io.callflow.domain.action;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads an id option of a validated action the one way both the interpreter and the media side do:
 * left out, null, {@code ""} or the nil UUID is "not set" (reference 1.1), as the validator let it be.
 */
public final class IdOptions {
    private IdOptions() {
    }

    public static Optional<UUID> read(JsonNode option, String name) {
        JsonNode value = option == null ? null : option.get(name);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(value.textValue().trim());
            return ReservedIds.EMPTY.equals(id) ? Optional.empty() : Optional.of(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
