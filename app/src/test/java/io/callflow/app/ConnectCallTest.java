package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.media.sip.Sipp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connect action between two SIPp callees: the first to answer is bridged, and when the
 * bridge ends, or every destination fails (VoIPbin strands the caller there, D3), the caller's
 * flow goes on with the outcome in voipbin.connect.result.
 */
class ConnectCallTest extends PlatformTest {

    @Test
    void a_busy_destination_returns_the_caller_to_its_flow_with_the_reason() throws Exception {
        try (Sipp caller = Sipp.server("uas_answer.xml"); Sipp destination = Sipp.server("uas_busy.xml")) {
            JsonNode call = callWithConnect(caller, destination);
            JsonNode activeflow = ended(call);
            assertThat(executed(activeflow)).containsExactly("connect", "talk", "hangup");
            assertThat(activeflow.get("variables").get("voipbin.connect.result").asText()).isEqualTo("busy");
            assertThat(activeflow.get("variables").get("voipbin.connect.hangup_reason").asText()).isEqualTo("busy");
            assertThat(caller.exitCode()).as(caller::logs).isZero();
            JsonNode leg = legOf(call);
            assertThat(leg.get("master_call_id").asText()).isEqualTo(call.get("id").asText());
            assertThat(leg.get("hangup_reason").asText()).isEqualTo("busy");
        }
    }

    @Test
    void the_answering_destination_is_bridged_and_the_flow_goes_on_when_it_hangs_up() throws Exception {
        try (Sipp caller = Sipp.server("uas_answer.xml"); Sipp destination = Sipp.server("uas_remote_bye.xml")) {
            JsonNode call = callWithConnect(caller, destination);
            JsonNode activeflow = ended(call);
            assertThat(executed(activeflow)).containsExactly("connect", "talk", "hangup");
            assertThat(activeflow.get("variables").get("voipbin.connect.result").asText()).isEqualTo("answered");
            assertThat(destination.exitCode()).as(destination::logs).isZero();
            assertThat(caller.exitCode()).as(caller::logs).isZero();
            JsonNode leg = legOf(call);
            assertThat(leg.get("tm_progressing").isNull()).isFalse();
            assertThat(leg.get("hangup_by").asText()).isEqualTo("remote");
        }
    }

    @Test
    void the_call_action_makes_an_independent_call_that_runs_its_own_actions() throws Exception {
        try (Sipp callee = Sipp.server("uas_answer.xml")) {
            Api.Reply started = api.post("/v1/activeflows", Api.json("{'actions':[{'type':'call','option':{"
                    + "'destinations':[{'type':'sip','target':'carol@127.0.0.1:" + callee.port() + "'}],"
                    + "'actions':[{'type':'talk','option':{'text':'Your order has shipped.'}},{'type':'hangup'}]}}]}"));
            assertThat(started.status()).as(started.text()).isEqualTo(200);
            assertThat(started.body().get("status").asText()).isEqualTo("ended");
            assertThat(callee.exitCode()).as(callee::logs).isZero();
            JsonNode made = await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (JsonNode c : api.get("/v1/calls?direction=outgoing&page_size=100").body().get("result")) {
                    if (c.path("destination").path("target").asText().startsWith("carol@")) {
                        return c;
                    }
                }
                return null;
            }, c -> c != null && "hangup".equals(c.path("status").asText()));
            assertThat(made.get("hangup_by").asText()).isEqualTo("local");
            assertThat(executed(ended(made))).containsExactly("talk", "hangup");
        }
    }

    private JsonNode callWithConnect(Sipp caller, Sipp destination) {
        Api.Reply reply = api.post("/v1/calls", Api.json("{'source':{'type':'tel','target':'+15550003333'},"
                + "'destinations':[{'type':'sip','target':'alice@127.0.0.1:" + caller.port() + "'}],"
                + "'actions':[{'type':'connect','option':{'destinations':[{'type':'sip','target':'bob@127.0.0.1:"
                + destination.port() + "'}]}},{'type':'talk','option':{'text':'Goodbye.'}},{'type':'hangup'}]}"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body().get("calls").get(0);
    }

    private JsonNode ended(JsonNode call) {
        return await().atMost(Duration.ofSeconds(40))
                .until(() -> api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).body(),
                        a -> "ended".equals(a.path("status").asText()));
    }

    private static List<String> executed(JsonNode activeflow) {
        List<String> ran = new ArrayList<>();
        activeflow.get("executed_actions").forEach(a -> ran.add(a.get("type").asText()));
        return ran;
    }

    private JsonNode legOf(JsonNode call) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : api.get("/v1/calls?direction=outgoing&page_size=100").body().get("result")) {
                if (call.get("id").asText().equals(c.path("master_call_id").asText())
                        && "hangup".equals(c.path("status").asText())) {
                    return c;
                }
            }
            return null;
        }, c -> c != null);
    }
}
