package io.callflow.media.calls;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/**
 * One media operation to perform on a call, from a flow or from the API. {@code key} names it
 * among the call's operations (the flow step; a negative number for direct control); {@code id}
 * is stable for the same request, so a recording it starts keeps its id across redelivery.
 */
record MediaOrder(String operation, ObjectNode option, long key, UUID id, Done done) {

    /** Told once how the operation ended. */
    @FunctionalInterface
    interface Done {
        void report(boolean succeeded, String detail, Map<String, String> variables);
    }
}
