package io.callflow.command.web;

import io.callflow.domain.common.PathIds;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.ActionSchema;
import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.flow.CreateFlow;
import io.callflow.domain.flow.DeleteFlow;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowResource;
import io.callflow.domain.flow.UpdateFlow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creating, changing and deleting flows. Reads are in the query side. */
@RestController
@RequestMapping("/v1/flows")
public class FlowCommandController {
    private final CommandGateway commands;
    private final Clock clock;

    public FlowCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public FlowResource create(@RequestBody(required = false) byte[] body,
                               @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        FlowRequest request = FlowRequest.read(body);
        if (request.expectedVersion() != null) {
            throw new BadRequest("/version", "is only accepted on update");
        }
        FlowId id = new FlowId(UUID.randomUUID());
        Instant at = Timestamps.truncate(clock.instant());
        commands.sendAndWait(new CreateFlow(id, caller.customerId(), request.type(), request.name(), request.detail(),
                request.actions(), request.onCompleteFlowId(), at));
        String tm = Timestamps.format(at);
        return new FlowResource(id.value(), caller.customerId().value(), request.type().name().toLowerCase(),
                request.name(), request.detail(), request.actions(),
                request.onCompleteFlowId() == null ? null : request.onCompleteFlowId().value(), 1, tm, tm, null);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public FlowResource update(@PathVariable("id") String id, @RequestBody(required = false) byte[] body,
                               @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        FlowId flowId = new FlowId(PathIds.parse(id, "flow"));
        FlowRequest request = FlowRequest.read(body);
        return commands.sendAndWait(new UpdateFlow(flowId, caller.customerId(), request.expectedVersion(),
                request.type(), request.name(), request.detail(), request.actions(), request.onCompleteFlowId(),
                Timestamps.truncate(clock.instant())));
    }

    @DeleteMapping("/{id}")
    public FlowResource delete(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return commands.sendAndWait(new DeleteFlow(new FlowId(PathIds.parse(id, "flow")), caller.customerId(),
                Timestamps.truncate(clock.instant())));
    }

    /** The JSON Schema of every action type, built from the same catalogue the validator enforces. */
    @GetMapping("/schema")
    public JsonNode schema() {
        return ActionSchema.document();
    }

    /** The same checks as a save, and nothing stored: {@code {"valid": true, "problems": []}}, or 400 with the problems. */
    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> validate(@RequestBody(required = false) byte[] body) {
        FlowRequest.read(body);
        return Map.of("valid", true, "problems", List.<Problem>of());
    }
}
