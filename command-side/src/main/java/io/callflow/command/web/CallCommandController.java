package io.callflow.command.web;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.call.Address;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CallResource;
import io.callflow.domain.call.ControlCall;
import io.callflow.domain.call.CreateCall;
import io.callflow.domain.call.HangupCall;
import io.callflow.domain.call.HangupReason;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.PathIds;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.trunk.TrunkDirectory;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkRoute;
import io.callflow.engine.effects.FlowSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Making and hanging up calls. POST /v1/calls creates one outgoing call per destination,
 * each dialed by the media adapter and running the flow once answered; the answer lists
 * them as VoIPbin does ({@code calls}, {@code groupcalls}).
 */
@RestController
public class CallCommandController {
    private final CommandGateway commands;
    private final TrunkDirectory trunks;
    private final FlowSource flows;
    private final Clock clock;

    public CallCommandController(CommandGateway commands, TrunkDirectory trunks, FlowSource flows, Clock clock) {
        this.commands = commands;
        this.trunks = trunks;
        this.flows = flows;
        this.clock = clock;
    }

    /** The calls made by one request. */
    public record CallsCreated(List<CallResource> calls, List<Object> groupcalls) {
    }

    @PostMapping(path = "/v1/calls", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.OK)
    public CallsCreated create(@RequestBody(required = false) byte[] body,
                               @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        CallRequest request = CallRequest.read(body);
        if (request.flowId() != null && !isFlowOf(request.flowId(), caller)) {
            throw new BadRequest("/flow_id", "is not a flow of yours");
        }
        Optional<TrunkRoute> trunk = trunkFor(request, caller);
        Instant now = Timestamps.truncate(clock.instant());
        List<CallResource> created = new ArrayList<>();
        for (Address destination : request.destinations()) {
            CallId callId = new CallId(UUID.randomUUID());
            ActiveflowId activeflowId = new ActiveflowId(UUID.randomUUID());
            UUID trunkId = "tel".equals(destination.type()) ? trunk.map(t -> t.id().value()).orElse(null) : null;
            commands.sendAndWait(new CreateCall(callId, caller.customerId(), CallDirection.OUTGOING,
                    request.source(), destination, request.flowId(), request.actions(), activeflowId, null, null,
                    null, trunkId, false, false, now));
            created.add(resource(callId, caller, request, destination, activeflowId, now));
        }
        return new CallsCreated(created, List.of());
    }

    @PostMapping("/v1/calls/{id}/hangup")
    public Map<String, String> hangup(@PathVariable("id") String id,
                                      @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        CallId callId = new CallId(PathIds.parse(id, "call"));
        commands.sendAndWait(new HangupCall(callId, caller.customerId(), HangupReason.NORMAL, clock.instant()));
        return Map.of("id", callId.toString(), "result", "hanging up");
    }

    /** Direct call control: talk, play, digits_send, mute, unmute, recording_start, recording_stop. */
    @PostMapping(path = "/v1/calls/{id}/{operation}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> control(@PathVariable("id") String id, @PathVariable("operation") String operation,
                                       @RequestBody(required = false) byte[] body,
                                       @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        CallId callId = new CallId(PathIds.parse(id, "call"));
        if (!CallControlRequest.OPERATIONS.contains(operation)) {
            throw new NotFound("call operation " + operation);
        }
        CallControlRequest request = CallControlRequest.read(operation, body);
        commands.sendAndWait(new ControlCall(callId, caller.customerId(), operation, request.option(),
                request.commandId(), clock.instant()));
        return Map.of("id", callId.toString(), "operation", operation, "result", "accepted");
    }

    /**
     * VoIPbin's unmute: {@code DELETE /v1/calls/{id}/mute}, with an optional body ({@code direction},
     * {@code command_id}) as {@code POST /v1/calls/{id}/unmute} takes.
     */
    @DeleteMapping("/v1/calls/{id}/mute")
    public Map<String, String> unmute(@PathVariable("id") String id, @RequestBody(required = false) byte[] body,
                                      @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return control(id, "unmute", body, caller);
    }

    /** The flow is read from its own events, which needs a unit of work around the repository. */
    private boolean isFlowOf(FlowId flowId, Caller caller) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(flowId));
        try {
            return flows.actionsOf(flowId, caller.customerId()).isPresent();
        } finally {
            unitOfWork.rollback();
        }
    }

    private Optional<TrunkRoute> trunkFor(CallRequest request, Caller caller) {
        boolean needsTrunk = request.destinations().stream().anyMatch(d -> "tel".equals(d.type()));
        if (!needsTrunk) {
            return Optional.empty();
        }
        if (request.trunkId() != null) {
            return Optional.of(trunks.find(caller.customerId(), new TrunkId(request.trunkId()))
                    .orElseThrow(() -> new BadRequest("/trunk_id", "is not a trunk of yours")));
        }
        return Optional.of(trunks.forCustomer(caller.customerId()).stream().findFirst()
                .orElseThrow(() -> new BadRequest("/destinations", "tel destinations need a trunk: create one with "
                        + "POST /v1/trunks")));
    }

    private static CallResource resource(CallId callId, Caller caller, CallRequest request, Address destination,
                                         ActiveflowId activeflowId, Instant now) {
        String at = Timestamps.format(now);
        return new CallResource(callId.value(), caller.customerId().value(),
                request.flowId() == null ? null : request.flowId().value(), activeflowId.value(), "flow", null,
                List.of(), null, List.of(), Json.mapper().valueToTree(request.source()),
                Json.mapper().valueToTree(destination), "dialing", "outgoing", "", "", "", "", at, at, null, null, null);
    }
}
