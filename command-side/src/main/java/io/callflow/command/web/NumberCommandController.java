package io.callflow.command.web;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.number.CreateNumber;
import io.callflow.domain.number.DeleteNumber;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberResource;
import io.callflow.domain.number.UpdateNumber;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Taking, changing and deleting numbers. A number already held by an active number of any customer
 * is a 409; a {@code call_flow_id} that is not the caller's flow is a 400 at {@code /call_flow_id}.
 * Reads are in the query side.
 */
@RestController
@RequestMapping("/v1/numbers")
public class NumberCommandController {
    private final CommandGateway commands;
    private final Clock clock;

    public NumberCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public NumberResource create(@RequestBody(required = false) byte[] body,
                                 @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        NumberRequest request = NumberRequest.create(body);
        return commands.sendAndWait(new CreateNumber(new NumberId(UUID.randomUUID()), caller.customerId(),
                request.number(), request.callFlowId(), request.name(), request.detail(),
                Timestamps.truncate(clock.instant())));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public NumberResource update(@PathVariable("id") String id, @RequestBody(required = false) byte[] body,
                                 @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        NumberId numberId = new NumberId(PathIds.parse(id, "number"));
        NumberRequest request = NumberRequest.update(body);
        return commands.sendAndWait(new UpdateNumber(numberId, caller.customerId(), request.callFlowId(),
                request.name(), request.detail(), Timestamps.truncate(clock.instant())));
    }

    @DeleteMapping("/{id}")
    public NumberResource delete(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return commands.sendAndWait(new DeleteNumber(new NumberId(PathIds.parse(id, "number")),
                caller.customerId(), Timestamps.truncate(clock.instant())));
    }
}
