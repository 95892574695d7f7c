package io.callflow.query.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.action.JsonPointers;
import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.PayloadTooLarge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /v1/flows/{id}/simulate}: the actions to try, inline ({@code actions}, validated
 * like a saved flow) or a saved {@code version} of the flow; and the recorded activeflows to run them on,
 * named ({@code activeflow_ids}) or the flow's most recent ones ({@code limit}, 100 at most).
 *
 * @param actions       the inline actions, null when a version is named
 * @param version       the saved version, null when actions are inline
 * @param activeflowIds the activeflows named, empty for the most recent
 * @param limit         how many of the most recent activeflows, when none are named
 */
public record SimulationRequest(List<Action> actions, Integer version,
                                List<UUID> activeflowIds, int limit) {
    public static final int MAX_ACTIVEFLOWS = 100;
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Set<String> FIELDS = Set.of("actions", "version", "activeflow_ids", "limit");
    private static final ActionsValidator VALIDATOR = new ActionsValidator();

    /** Reads the body, or refuses it with every problem and its pointer. */
    public static SimulationRequest read(byte[] body) {
        JsonNode root = object(body);
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Problem(JsonPointers.child("", name), "is not a field of a simulation; expected one of "
                        + FIELDS.stream().sorted().toList()));
            }
        }
        List<Action> actions = null;
        Integer version = null;
        JsonNode actionsJson = root.get("actions");
        JsonNode versionJson = root.get("version");
        if (actionsJson != null && versionJson != null) {
            problems.add(new Problem("/version", "give either actions or a version, not both"));
        } else if (actionsJson != null) {
            ActionsParse parsed = VALIDATOR.parse(actionsJson, "/actions", UUID::randomUUID);
            problems.addAll(parsed.problems());
            actions = parsed.actions();
        } else if (versionJson != null) {
            if (versionJson.isIntegralNumber() && versionJson.canConvertToInt() && versionJson.intValue() >= 1) {
                version = versionJson.intValue();
            } else {
                problems.add(new Problem("/version", "must be a version number of this flow, from 1"));
            }
        } else {
            problems.add(new Problem("", "give the actions to simulate: inline as actions, or a saved version"));
        }
        List<UUID> ids = activeflowIds(root.get("activeflow_ids"), problems);
        int limit = MAX_ACTIVEFLOWS;
        JsonNode limitJson = root.get("limit");
        if (limitJson != null) {
            if (limitJson.isIntegralNumber() && limitJson.canConvertToInt() && limitJson.intValue() >= 1
                    && limitJson.intValue() <= MAX_ACTIVEFLOWS) {
                limit = limitJson.intValue();
            } else {
                problems.add(new Problem("/limit", "must be a whole number from 1 to " + MAX_ACTIVEFLOWS));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
        return new SimulationRequest(actions, version, ids, limit);
    }

    private static List<UUID> activeflowIds(JsonNode node, List<Problem> problems) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_ACTIVEFLOWS) {
            problems.add(new Problem("/activeflow_ids", "must be a list of 1 to " + MAX_ACTIVEFLOWS + " activeflow ids"));
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            try {
                if (!id.isTextual()) {
                    throw new IllegalArgumentException();
                }
                ids.add(UUID.fromString(id.textValue()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(JsonPointers.child("/activeflow_ids", i), "must be an activeflow id (a UUID)"));
            }
        }
        return List.copyOf(ids);
    }

    private static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequest("", "the request body is empty; a JSON object is expected");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge(MAX_BODY_BYTES);
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequest("", "a JSON object is expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequest("", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("", "unreadable body: " + e.getMessage());
        }
    }
}
