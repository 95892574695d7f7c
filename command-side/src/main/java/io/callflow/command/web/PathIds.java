package io.callflow.command.web;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.flow.FlowId;
import java.util.UUID;

/** Ids in paths: a malformed one names nothing, so it is a 404 like any unknown id. */
final class PathIds {
    private PathIds() {
    }

    static FlowId flow(String text) {
        return new FlowId(parse(text, "flow"));
    }

    static ActiveflowId activeflow(String text) {
        return new ActiveflowId(parse(text, "activeflow"));
    }

    private static UUID parse(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound(what + " " + text);
        }
    }
}
