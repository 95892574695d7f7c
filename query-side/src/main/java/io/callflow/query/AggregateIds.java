package io.callflow.query;

import io.callflow.domain.common.BadRequest;
import java.util.UUID;

/** {@code aggregate_id} in a query string, in the form the event store keeps it (a lower-case UUID). */
public final class AggregateIds {
    private AggregateIds() {
    }

    /** Null for an absent or empty parameter; anything but a UUID is a 400. */
    public static String parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new BadRequest("/aggregate_id", "must be a UUID");
        }
    }
}
