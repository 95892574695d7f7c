package io.callflow.command.web;

import io.callflow.domain.action.JsonPointers;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionCatalogue;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.flow.FlowId;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The body of POST /v1/activeflows. Initial variables follow reference 5.1 and 5.2 (see {@link #variables}). */
record ActiveflowRequest(ActiveflowId id, FlowId flowId, List<Action> actions, ReferenceType referenceType,
                         UUID referenceId, Map<String, String> variables) {

    static final int MAX_VARIABLES = 100;
    static final int MAX_VALUE_BYTES = 32 * 1024;
    static final int MAX_TOTAL_BYTES = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("id", "flow_id", "actions", "reference_type", "reference_id",
            "variables");
    private static final Set<ReferenceType> ACCEPTED_REFERENCES = EnumSet.complementOf(EnumSet.of(ReferenceType.CALL));

    static ActiveflowRequest read(byte[] body) {
        JsonNode json = RequestJson.object(body);
        Fields fields = new Fields(json, FIELDS);
        ActiveflowId id = fields.id("id").map(ActiveflowId::new).orElseGet(() -> new ActiveflowId(UUID.randomUUID()));
        FlowOrActions runs = FlowOrActions.read(json, fields);
        FlowId flowId = runs.flowId();
        List<Action> actions = runs.actions();
        ReferenceType referenceType = referenceType(json, fields);
        UUID referenceId = fields.id("reference_id").orElse(null);
        Map<String, String> variables = variables(json.get("variables"), fields);
        if (!fields.problems().isEmpty()) {
            throw new BadRequest(fields.problems());
        }
        return new ActiveflowRequest(id, flowId, actions, referenceType, referenceId, variables);
    }

    private static ReferenceType referenceType(JsonNode json, Fields fields) {
        JsonNode value = json.get("reference_type");
        if (value != null && value.isTextual() && value.textValue().equalsIgnoreCase("call")) {
            fields.problem("reference_type", "call activeflows are started by calls, not through this endpoint");
            return ReferenceType.API;
        }
        return fields.choice("reference_type", ReferenceType.class, ReferenceType.API, ACCEPTED_REFERENCES);
    }

    /**
     * Reference 5.1 and 5.2: names are trimmed; empty names, names starting with {@code voipbin.} (in any case:
     * they cannot be forged, the reserved ones are written last) and values that are objects, arrays or null are
     * dropped; scalars become text. An injection over the limits (more than 100 names, a value over 32 KiB, over
     * 64 KiB in all) is dropped whole and the activeflow still starts, as in VoIPbin.
     */
    private static Map<String, String> variables(JsonNode json, Fields fields) {
        Map<String, String> variables = new HashMap<>();
        if (json == null || json.isNull()) {
            return variables;
        }
        if (!json.isObject()) {
            fields.problem("variables", "must be an object of names to values");
            return variables;
        }
        boolean overLimits = json.size() > MAX_VARIABLES;
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey().trim();
            JsonNode value = entry.getValue();
            if (key.isEmpty() || key.toLowerCase(Locale.ROOT).startsWith("voipbin.") || !value.isValueNode()
                    || value.isNull()) {
                continue;
            }
            if (key.length() > ActionCatalogue.MAX_VARIABLE_NAME) {
                fields.problemAt(JsonPointers.child("/variables", entry.getKey()), "a variable name must be at most "
                        + ActionCatalogue.MAX_VARIABLE_NAME + " characters");
                continue;
            }
            String text = value.asText();
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            overLimits |= bytes > MAX_VALUE_BYTES;
            total += bytes + key.getBytes(StandardCharsets.UTF_8).length;
            variables.put(key, text);
        }
        if (overLimits || total > MAX_TOTAL_BYTES) {
            return new HashMap<>();
        }
        return variables;
    }
}
