package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulateApiTest extends PlatformTest {
    private static final String A = "5e000000-0000-4000-8000-00000000000a";
    private static final String BRANCH = "5e000000-0000-4000-8000-0000000000b0";
    private static final String B = "5e000000-0000-4000-8000-00000000000b";
    private static final String C = "5e000000-0000-4000-8000-00000000000c";
    private static final String D = "5e000000-0000-4000-8000-00000000000d";
    private static final String E = "5e000000-0000-4000-8000-00000000000e";

    /** A sync webhook, a branch on its status, two ways on, and a short sleep on the way recorded. */
    private static String actions(String hookUrl, String targetOf200) {
        return "[{'id':'" + A + "','type':'webhook_send','option':{'sync':true,'uri':'" + hookUrl + "','data':{}}},"
                + "{'id':'" + BRANCH + "','type':'branch','option':{'variable':'voipbin.webhook.response_status',"
                + "'target_ids':{'200':'" + targetOf200 + "'},'default_target_id':'" + B + "'}},"
                + "{'id':'" + B + "','type':'variable_set','option':{'key':'went','value':'B'},"
                + "'next_id':'00000000-0000-0000-0000-000000000002'},"
                + "{'id':'" + C + "','type':'variable_set','option':{'key':'went','value':'C'}},"
                + "{'id':'" + D + "','type':'sleep','option':{'duration':200}},"
                + "{'id':'" + E + "','type':'empty'}]";
    }

    private record Recorded(String flowId, List<String> activeflowIds) {
    }

    /** A flow, and two activeflows of it run to their end against a real local HTTP server. */
    private Recorded recorded(LocalHttp server) {
        String flowId = api.post("/v1/flows", json("{'actions':" + actions(server.url("/hook"), C) + "}"))
                .body().get("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "'}")).body().get("id").asText();
            await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                    api.get("/v1/activeflows/" + id).body().path("status").asText()));
            ids.add(id);
        }
        return new Recorded(flowId, ids);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void simulating_the_unchanged_version_follows_every_recorded_path_and_sends_nothing() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/hook", "{}"))) {
            Recorded recorded = recorded(server);
            int sent = server.received.size();

            Api.Reply reply = api.post("/v1/flows/" + recorded.flowId() + "/simulate", json("{'version':1}"));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.body();
            assertThat(body.get("flow_version").asInt()).isEqualTo(1);
            assertThat(body.get("simulated").asInt()).isEqualTo(2);
            assertThat(body.get("diverged").asInt()).isZero();
            assertThat(texts(body.get("activeflows")).size()).isEqualTo(2);
            for (JsonNode activeflow : body.get("activeflows")) {
                assertThat(recorded.activeflowIds()).contains(activeflow.get("activeflow_id").asText());
                assertThat(activeflow.get("first_difference").isNull()).isTrue();
                assertThat(texts(activeflow.get("recorded_path"))).containsExactly(A, BRANCH, C, D, E);
                assertThat(activeflow.get("simulated_path")).isEqualTo(activeflow.get("recorded_path"));
                assertThat(activeflow.get("simulated_ending")).isEqualTo(activeflow.get("recorded_ending"));
                assertThat(activeflow.get("simulated_ending").get("stop_reason").asText()).isEqualTo("finished");
                assertThat(activeflow.get("inputs_used").asInt()).isEqualTo(2); // the webhook's answer and the timer
            }
            assertThat(server.received).hasSize(sent);
        }
    }

    @Test
    void a_changed_branch_target_diverges_at_the_step_after_the_branch_and_reports_the_new_ending() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/hook", "{}"))) {
            Recorded recorded = recorded(server);
            String first = recorded.activeflowIds().get(0);
            int sent = server.received.size();

            Api.Reply reply = api.post("/v1/flows/" + recorded.flowId() + "/simulate", json("{'actions':"
                    + actions(server.url("/hook"), B) + ",'activeflow_ids':['" + first + "']}"));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.body();
            assertThat(body.get("flow_version").isNull()).isTrue();
            assertThat(body.get("diverged").asInt()).isEqualTo(1);
            JsonNode activeflow = body.get("activeflows").get(0);
            assertThat(activeflow.get("activeflow_id").asText()).isEqualTo(first);
            assertThat(activeflow.get("first_difference").get("step").asInt()).isEqualTo(3);
            assertThat(activeflow.get("first_difference").get("recorded_action_id").asText()).isEqualTo(C);
            assertThat(activeflow.get("first_difference").get("simulated_action_id").asText()).isEqualTo(B);
            assertThat(texts(activeflow.get("simulated_path"))).containsExactly(A, BRANCH, B);
            JsonNode ending = activeflow.get("simulated_ending");
            assertThat(ending.get("status").asText()).isEqualTo("ended");
            assertThat(ending.get("stop_reason").asText()).isEqualTo("finished");
            assertThat(ending.get("variables").get("went").asText()).isEqualTo("B");
            assertThat(activeflow.get("recorded_ending").get("variables").get("went").asText()).isEqualTo("C");
            assertThat(server.received).hasSize(sent);
        }
    }

    @Test
    void a_new_path_that_asks_for_an_answer_never_recorded_stops_there() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/hook", "{}"))) {
            Recorded recorded = recorded(server);
            String changed = actions(server.url("/hook"), C).replace(
                    "'type':'variable_set','option':{'key':'went','value':'C'}",
                    "'type':'fetch','option':{'event_url':'" + server.url("/more") + "'}");

            JsonNode activeflow = api.post("/v1/flows/" + recorded.flowId() + "/simulate",
                    json("{'actions':" + changed + ",'limit':1}")).body().get("activeflows").get(0);

            assertThat(activeflow.get("simulated_ending").get("status").asText()).isEqualTo("needs_input");
            assertThat(activeflow.get("simulated_ending").get("needs_input").asText())
                    .isEqualTo("needs input not recorded: fetch at step 3");
            assertThat(server.received.stream().filter(r -> r.path().equals("/more"))).isEmpty();
        }
    }

    @Test
    void invalid_inline_actions_and_foreign_activeflows_are_refused_with_their_pointers() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/hook", "{}"))) {
            Recorded recorded = recorded(server);
            String simulate = "/v1/flows/" + recorded.flowId() + "/simulate";

            Api.Reply invalid = api.post(simulate, json("{'actions':[{'type':'empty'},{'type':'empty'},"
                    + "{'type':'goto','option':{'target_id':'nope'}},{'type':'no_such_type'}]}"));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.text()).contains("/actions/2/option/target_id").contains("/actions/3/type");

            String other = api.post("/v1/activeflows", json("{'actions':[{'type':'empty'}]}")).body().get("id").asText();
            Api.Reply foreign = api.post(simulate, json("{'version':1,'activeflow_ids':['" + other + "']}"));
            assertThat(foreign.status()).isEqualTo(400);
            assertThat(foreign.text()).contains("/activeflow_ids/0");

            assertThat(api.post(simulate, json("{'version':7}")).text()).contains("/version");
            assertThat(api.post(simulate, json("{}")).status()).isEqualTo(400);
            assertThat(otherCustomer().post(simulate, json("{'version':1}")).status()).isEqualTo(404);
        }
    }
}
