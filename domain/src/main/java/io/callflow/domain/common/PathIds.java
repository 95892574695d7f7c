package io.callflow.domain.common;

import java.util.UUID;

/** Ids in paths: a malformed one names nothing, so it is a 404 like any unknown id. */
public final class PathIds {
    private PathIds() {
    }

    public static UUID parse(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what + " " + text);
        }
    }
}
