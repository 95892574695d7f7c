package io.callflow.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of POST /v1/calls/{id}/{operation}: the options of the flow action of the same name
 * (validated by the same catalogue, pointers relative to the body) and an optional
 * {@code command_id} that makes a retry within 60 s harmless.
 */
record CallControlRequest(ObjectNode option, String commandId) {
    static final Set<String> OPERATIONS = Set.of("talk", "play", "digits_send", "mute", "unmute", "recording_start",
            "recording_stop");
    private static final ActionsValidator VALIDATOR = new ActionsValidator();
    private static final String COMMAND_ID = "command_id";

    static CallControlRequest read(String operation, byte[] body) {
        JsonNode json = body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode()
                : RequestJson.object(body);
        ObjectNode option = ((ObjectNode) json).deepCopy();
        JsonNode commandId = option.remove(COMMAND_ID);
        if (commandId != null && !commandId.isNull() && (!commandId.isTextual() || commandId.textValue().isEmpty()
                || commandId.textValue().length() > 128)) {
            throw new BadRequest("/" + COMMAND_ID, "must be a string of 1 to 128 characters");
        }
        ArrayNode actions = JsonNodeFactory.instance.arrayNode();
        actions.addObject().put("type", operation).set("option", option);
        ActionsParse parsed = VALIDATOR.parse(actions, "", UUID::randomUUID);
        if (!parsed.ok()) {
            List<Problem> problems = parsed.problems().stream()
                    .map(p -> new Problem(relative(p.pointer()), p.message())).toList();
            throw new BadRequest(problems);
        }
        return new CallControlRequest(parsed.actions().get(0).option(),
                commandId == null || commandId.isNull() ? null : commandId.textValue());
    }

    private static String relative(String pointer) {
        String prefix = "/0/option";
        return pointer.startsWith(prefix) ? pointer.substring(prefix.length()) : pointer.replaceFirst("^/0", "");
    }
}
