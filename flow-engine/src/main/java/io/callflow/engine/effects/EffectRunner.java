package io.callflow.engine.effects;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.RecordEffectResponse;
import io.callflow.domain.flow.FlowId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the effects flows ask for, and hands awaited responses back to the
 * activeflow as a command. Never replayed: a rebuild must not call anyone twice.
 * The token advances only after the response was handed back, so a crash in
 * between repeats the request (each carries the same delivery id) and the
 * activeflow ignores the second response as stale.
 */
@ProcessingGroup(EffectRunner.GROUP)
public class EffectRunner {
    public static final String GROUP = "effects";
    private static final Logger log = LoggerFactory.getLogger(EffectRunner.class);

    private final FlowHttpClient http;
    private final FlowSource flows;
    private final CommandGateway commands;
    private final Clock clock;

    public EffectRunner(FlowHttpClient http, FlowSource flows, CommandGateway commands, Clock clock) {
        this.http = http;
        this.flows = flows;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(EffectRequested event) {
        FlowHttpClient.Reply reply = switch (event.effect()) {
            case FETCH -> fetch(event);
            case FETCH_FLOW -> fetchFlow(event);
            case WEBHOOK -> webhook(event);
        };
        log.info("activeflow {} step {}: {} answered {}{}", event.activeflowId(), event.step(),
                event.effect().name().toLowerCase(), reply.status(),
                reply.error() == null ? "" : " (" + reply.error() + ")");
        // awaited responses let the flow go on; async webhook outcomes are recorded for the audit
        if (event.awaited() || event.effect() == EffectKind.WEBHOOK) {
            commands.sendAndWait(new RecordEffectResponse(event.activeflowId(), event.customerId(), event.step(),
                    event.actionId(), event.effect(), reply.status(), reply.body(), reply.error(), clock.instant()));
        }
    }

    private FlowHttpClient.Reply fetch(EffectRequested event) {
        JsonNode request = event.request();
        byte[] body = request.get("body").toString().getBytes(StandardCharsets.UTF_8);
        return http.send(request.path("url").asText(), request.path("method").asText("POST"),
                "application/json; charset=utf-8", body, deliveryId(event));
    }

    private FlowHttpClient.Reply fetchFlow(EffectRequested event) {
        FlowId flowId = FlowId.of(event.request().path("flow_id").asText());
        return flows.actionsOf(flowId, event.customerId())
                .map(actions -> new FlowHttpClient.Reply(200, actions, null))
                .orElseGet(() -> new FlowHttpClient.Reply(404, null, "flow " + flowId + " not found"));
    }

    private FlowHttpClient.Reply webhook(EffectRequested event) {
        JsonNode request = event.request();
        JsonNode data = request.get("data");
        String text = data == null || data.isNull() ? "" : data.isTextual() ? data.textValue() : data.toString();
        return http.send(request.path("uri").asText(), request.path("method").asText("POST"),
                request.path("data_type").asText("application/json"), text.getBytes(StandardCharsets.UTF_8),
                deliveryId(event));
    }

    private static String deliveryId(EffectRequested event) {
        return UUID.nameUUIDFromBytes((event.activeflowId() + "/effect/" + event.step())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

}
