package io.callflow.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The body of POST/PUT /v1/flows and POST /v1/flows/validate, validated whole: every problem in one answer. */
record FlowRequest(FlowType type, String name, String detail, List<Action> actions, FlowId onCompleteFlowId,
                   Integer expectedVersion) {

    private static final Set<String> FIELDS = Set.of("type", "name", "detail", "actions", "on_complete_flow_id",
            "version", "persist");
    private static final ActionsValidator VALIDATOR = new ActionsValidator();

    static FlowRequest read(byte[] body) {
        JsonNode json = RequestJson.object(body);
        Fields fields = new Fields(json, FIELDS);
        FlowType type = fields.choice("type", FlowType.class, FlowType.FLOW, EnumSet.allOf(FlowType.class));
        String name = fields.text("name", "", 255);
        String detail = fields.text("detail", "", 4096);
        FlowId onComplete = fields.id("on_complete_flow_id").map(FlowId::new).orElse(null);
        Integer version = fields.integer("version").orElse(null);
        JsonNode persist = json.get("persist");
        if (persist != null && !persist.isBoolean()) {
            fields.problem("persist", "must be a boolean");
        }
        List<Action> actions = List.of();
        JsonNode actionsJson = json.get("actions");
        if (actionsJson == null || actionsJson.isNull()) {
            fields.problem("actions", "is required: a list of actions");
        } else {
            ActionsParse parsed = VALIDATOR.parse(actionsJson, "/actions", UUID::randomUUID);
            fields.addAll(parsed.problems());
            actions = parsed.actions();
        }
        if (!fields.problems().isEmpty()) {
            throw new BadRequest(fields.problems());
        }
        return new FlowRequest(type, name, detail, actions, onComplete, version);
    }
}
