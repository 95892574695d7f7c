package io.callflow.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.flow.FlowId;
import java.util.List;
import java.util.UUID;

/** What a request runs: exactly one of {@code flow_id} and {@code actions} (validated like a flow, pointers under /actions). */
record FlowOrActions(FlowId flowId, List<Action> actions) {
    private static final ActionsValidator VALIDATOR = new ActionsValidator();

    static FlowOrActions read(JsonNode json, Fields fields) {
        FlowId flowId = fields.id("flow_id").map(FlowId::new).orElse(null);
        JsonNode actionsJson = json.get("actions");
        boolean hasActions = actionsJson != null && !actionsJson.isNull();
        List<Action> actions = null;
        if (flowId != null && hasActions) {
            fields.problem("actions", "give either flow_id or actions, not both");
        } else if (flowId == null && !hasActions) {
            fields.problem("flow_id", "is required unless actions are given");
        } else if (hasActions) {
            ActionsParse parsed = VALIDATOR.parse(actionsJson, "/actions", UUID::randomUUID);
            fields.addAll(parsed.problems());
            actions = parsed.actions();
        }
        return new FlowOrActions(flowId, actions);
    }
}
