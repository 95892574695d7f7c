package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.app.media.OrphanedCalls;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.call.Address;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CreateCall;
import io.callflow.domain.common.CustomerId;
import io.callflow.media.calls.LiveCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A call that was up when the platform stopped is ended as failed by the next start's sweep. */
class OrphanedCallsTest extends PlatformTest {
    @Autowired
    DSLContext sql;
    @Autowired
    LiveCalls live;
    @Autowired
    CommandGateway commands;
    @Autowired
    Clock clock;

    @Test
    void a_call_no_node_terminates_is_ended_by_the_sweep() {
        CustomerId customer = new CustomerId(UUID.fromString(customerOfAdmin()));
        CallId callId = new CallId(UUID.randomUUID());
        commands.sendAndWait(new CreateCall(callId, customer, CallDirection.INCOMING, Address.of("sip", "x@127.0.0.1"),
                Address.of("tel", "+15550009999"), null, null, new ActiveflowId(UUID.randomUUID()), null, "lost",
                "127.0.0.1:5999", null, false, false, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/calls/" + callId).status() == 200);

        // the next start: its sweep sees every call created before it
        new OrphanedCalls(sql, live, commands, Clock.offset(clock, Duration.ofHours(1))).endCallsLeftOver();

        JsonNode ended = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/calls/" + callId).body(),
                c -> "hangup".equals(c.path("status").asText()));
        assertThat(ended.get("hangup_by").asText()).isEqualTo("remote");
    }

    private String customerOfAdmin() {
        return api.post("/v1/flows", Api.json("{'actions':[{'type':'empty'}]}")).body().get("customer_id").asText();
    }
}
