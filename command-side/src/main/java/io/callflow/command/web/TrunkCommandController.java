package io.callflow.command.web;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.trunk.CreateTrunk;
import io.callflow.domain.trunk.DeleteTrunk;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkResource;
import io.callflow.domain.trunk.UpdateTrunk;
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

/** Creating, changing and deleting SIP trunks. No answer ever contains a password. Reads are in the query side. */
@RestController
@RequestMapping("/v1/trunks")
public class TrunkCommandController {
    private final CommandGateway commands;
    private final Clock clock;

    public TrunkCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public TrunkResource create(@RequestBody(required = false) byte[] body,
                                @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        TrunkRequest request = TrunkRequest.create(body);
        return commands.sendAndWait(new CreateTrunk(new TrunkId(UUID.randomUUID()), caller.customerId(),
                request.name(), request.host(), request.port(), request.transport(), request.username(),
                request.password(), Timestamps.truncate(clock.instant())));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TrunkResource update(@PathVariable("id") String id, @RequestBody(required = false) byte[] body,
                                @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        TrunkId trunkId = new TrunkId(PathIds.parse(id, "trunk"));
        TrunkRequest request = TrunkRequest.update(body);
        return commands.sendAndWait(new UpdateTrunk(trunkId, caller.customerId(), request.name(), request.host(),
                request.port(), request.transport(), request.username(), request.password(),
                Timestamps.truncate(clock.instant())));
    }

    @DeleteMapping("/{id}")
    public TrunkResource delete(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return commands.sendAndWait(new DeleteTrunk(new TrunkId(PathIds.parse(id, "trunk")), caller.customerId(),
                Timestamps.truncate(clock.instant())));
    }
}
