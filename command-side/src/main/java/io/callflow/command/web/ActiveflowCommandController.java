package io.callflow.command.web;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.activeflow.ActiveflowResource;
import io.callflow.domain.activeflow.DeleteActiveflow;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.activeflow.StopActiveflow;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Timestamps;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting, stopping and deleting activeflows. A start answers once the flow has
 * run as far as it can without waiting, so a flow without waits is already ended.
 */
@RestController
@RequestMapping("/v1/activeflows")
public class ActiveflowCommandController {
    private final CommandGateway commands;
    private final Clock clock;

    public ActiveflowCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ActiveflowResource start(@RequestBody(required = false) byte[] body,
                                    @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        ActiveflowRequest request = ActiveflowRequest.read(body);
        return commands.sendAndWait(new StartActiveflow(request.id(), caller.customerId(), request.flowId(),
                request.actions(), request.referenceType(), request.referenceId(), null, 0, request.variables(),
                Timestamps.truncate(clock.instant())));
    }

    @PostMapping("/{id}/stop")
    public ActiveflowResource stop(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        ActiveflowId activeflowId = new ActiveflowId(PathIds.parse(id, "activeflow"));
        return commands.sendAndWait(new StopActiveflow(activeflowId, caller.customerId(),
                Timestamps.truncate(clock.instant())));
    }

    @DeleteMapping("/{id}")
    public ActiveflowResource delete(@PathVariable("id") String id,
                                     @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        ActiveflowId activeflowId = new ActiveflowId(PathIds.parse(id, "activeflow"));
        return commands.sendAndWait(new DeleteActiveflow(activeflowId, caller.customerId(),
                Timestamps.truncate(clock.instant())));
    }
}
