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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of POST /v1/activeflows. Initial variables follow reference 5.2, except
 * that what VoIPbin drops silently is refused here with the reason: reserved
 * {@code voipbin.} keys, non-scalar values, more than 100 keys, a value over
 * 32 KiB, or over 64 KiB in all.
 */
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

    private static Map<String, String> variables(JsonNode json, Fields fields) {
        Map<String, String> variables = new HashMap<>();
        if (json == null || json.isNull()) {
            return variables;
        }
        if (!json.isObject()) {
            fields.problem("variables", "must be an object of names to values");
            return variables;
        }
        if (json.size() > MAX_VARIABLES) {
            fields.problem("variables", "at most " + MAX_VARIABLES + " variables");
        }
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = JsonPointers.child("/variables", entry.getKey());
            String key = entry.getKey().trim();
            JsonNode value = entry.getValue();
            if (key.isEmpty()) {
                fields.problemAt(pointer, "a variable name must not be empty");
            } else if (key.length() > ActionCatalogue.MAX_VARIABLE_NAME) {
                fields.problemAt(pointer, "a variable name must be at most " + ActionCatalogue.MAX_VARIABLE_NAME
                        + " characters");
            } else if (key.toLowerCase().startsWith("voipbin.")) {
                fields.problemAt(pointer, "names starting with voipbin. are reserved");
            } else if (!value.isValueNode() || value.isNull()) {
                fields.problemAt(pointer, "must be a string, number or boolean");
            } else {
                String text = value.asText();
                int bytes = text.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_VALUE_BYTES) {
                    fields.problemAt(pointer, "must be at most " + MAX_VALUE_BYTES + " bytes");
                }
                total += bytes + key.getBytes(StandardCharsets.UTF_8).length;
                variables.put(key, text);
            }
        }
        if (total > MAX_TOTAL_BYTES) {
            fields.problem("variables", "names and values must be at most " + MAX_TOTAL_BYTES + " bytes in all");
        }
        return variables;
    }
}
