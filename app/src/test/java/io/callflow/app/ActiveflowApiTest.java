package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ActiveflowApiTest extends PlatformTest {

    @Test
    void a_flow_without_waits_has_run_to_its_end_when_the_start_answers() {
        Api.Reply started = api.post("/v1/activeflows", json("{'variables':{'name':'Ada'},'actions':["
                + "{'type':'variable_set','option':{'key':'greeting','value':'hi ${name}'}},"
                + "{'type':'condition_variable','option':{'condition':'==','variable':'greeting','value_type':'string',"
                + "'value_string':'hi Ada'}},"
                + "{'type':'talk','option':{'text':'${greeting}'}},"
                + "{'type':'empty'}]}"));
        assertThat(started.status()).isEqualTo(200);
        JsonNode flow = started.body();
        assertThat(flow.get("status").asText()).isEqualTo("ended");
        assertThat(flow.get("stop_reason").asText()).isEqualTo("finished");
        assertThat(flow.get("reference_type").asText()).isEqualTo("api");
        assertThat(flow.get("variables").get("greeting").asText()).isEqualTo("hi Ada");
        assertThat(flow.get("variables").get("voipbin.activeflow.id").asText()).isEqualTo(flow.get("id").asText());
        List<String> executed = new ArrayList<>();
        flow.get("executed_actions").forEach(a -> executed.add(a.get("type").asText()));
        assertThat(executed).containsExactly("variable_set", "condition_variable", "talk", "empty");
        assertThat(flow.get("executed_actions").get(2).get("option").get("text").asText()).isEqualTo("hi Ada");

        String id = flow.get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> "ended".equals(
                api.get("/v1/activeflows/" + id).body().path("status").asText()));
        JsonNode read = api.get("/v1/activeflows/" + id).body();
        assertThat(read.get("executed_actions")).hasSize(4);
        assertThat(read.get("variables").get("greeting").asText()).isEqualTo("hi Ada");
        // the query side builds its JSON from the projection, the command side from the aggregate: one shape
        assertThat(read).isEqualTo(flow);
        JsonNode listed = api.get("/v1/activeflows?page_size=100").body().get("result");
        assertThat(listed).anySatisfy(row -> assertThat(row).isEqualTo(flow));
    }

    @Test
    void an_activeflow_pins_the_flow_version_it_started_with() {
        String flowId = api.post("/v1/flows", json("{'actions':[{'type':'sleep','option':{'duration':1500}},"
                + "{'type':'variable_set','option':{'key':'v','value':'one'}}]}")).body().get("id").asText();
        JsonNode started = api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "'}")).body();
        assertThat(started.get("flow_version").asInt()).isEqualTo(1);
        assertThat(started.get("status").asText()).isEqualTo("running");
        api.put("/v1/flows/" + flowId, json("{'actions':[{'type':'variable_set','option':{'key':'v','value':'two'}}]}"));
        String id = started.get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                api.get("/v1/activeflows/" + id).body().path("status").asText()));
        assertThat(api.get("/v1/activeflows/" + id).body().get("variables").get("v").asText()).isEqualTo("one");
        JsonNode again = api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "'}")).body();
        assertThat(again.get("flow_version").asInt()).isEqualTo(2);
        assertThat(again.get("variables").get("v").asText()).isEqualTo("two");
    }

    @Test
    void sleep_waits_on_a_persisted_timer_and_the_flow_resumes_after_it() {
        Instant before = Instant.now();
        JsonNode started = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':1000}},"
                + "{'type':'empty'}]}")).body();
        assertThat(started.get("status").asText()).isEqualTo("running");
        assertThat(started.get("current_action").get("type").asText()).isEqualTo("sleep");
        String id = started.get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                api.get("/v1/activeflows/" + id).body().path("status").asText()));
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(api.get("/v1/activeflows/" + id).body().get("executed_actions")).hasSize(2);
        JsonNode events = api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").body().get("result");
        for (JsonNode event : events) {
            String expected = event.get("sequence").asLong() < 3 ? "accesskey:" : "system:timer";
            assertThat(event.get("actor").asText()).as(event.toString()).startsWith(expected);
        }
        assertThat(events.get(3).get("event_type").asText()).isEqualTo("timer_fired");
    }

    @Test
    void stopping_a_waiting_activeflow_ends_it_with_the_reason_and_its_timer_does_nothing_later() {
        String id = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':800}},"
                + "{'type':'variable_set','option':{'key':'late','value':'yes'}}]}")).body().get("id").asText();
        JsonNode stopped = api.post("/v1/activeflows/" + id + "/stop", null).body();
        assertThat(stopped.get("status").asText()).isEqualTo("ended");
        assertThat(stopped.get("stop_reason").asText()).isEqualTo("stopped");
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(api.get("/v1/activeflows/" + id).body().get("variables").has("late")).isFalse();
        assertThat(api.post("/v1/activeflows/" + id + "/stop", null).status()).isEqualTo(200);
        assertThat(api.delete("/v1/activeflows/" + id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/activeflows/" + id).status() == 404);
    }

    @Test
    void fetch_pushes_signed_and_validated_actions_from_a_real_http_server() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/next", json(
                "[{'type':'variable_set','option':{'key':'from_fetch','value':'yes'}}]")))) {
            String id = api.post("/v1/activeflows", json("{'actions':[{'type':'fetch','option':{'event_url':'"
                    + server.url("/next") + "'}},{'type':'variable_set','option':{'key':'after','value':'${from_fetch}'}}]}"))
                    .body().get("id").asText();
            await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                    api.get("/v1/activeflows/" + id).body().path("status").asText()));
            JsonNode flow = api.get("/v1/activeflows/" + id).body();
            assertThat(flow.get("variables").get("after").asText()).isEqualTo("yes");
            LocalHttp.Received request = server.received.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).contains(id);
            assertSigned(request);
        }
    }

    @Test
    void an_invalid_fetch_response_is_recorded_and_the_flow_falls_through() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/bad", json("[{'type':'goto','option':{}}]")))) {
            String id = api.post("/v1/activeflows", json("{'actions':[{'type':'fetch','option':{'event_url':'"
                    + server.url("/bad") + "'}},{'type':'variable_set','option':{'key':'went_on','value':'yes'}}]}"))
                    .body().get("id").asText();
            await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                    api.get("/v1/activeflows/" + id).body().path("status").asText()));
            assertThat(api.get("/v1/activeflows/" + id).body().get("variables").get("went_on").asText())
                    .isEqualTo("yes");
            JsonNode events = api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").body();
            assertThat(events.toString()).contains("/0/option/target_id");
        }
    }

    @Test
    void a_response_holding_text_that_cannot_be_stored_fails_its_action_and_the_flow_goes_on() throws Exception {
        // a NUL or half a surrogate pair cannot be stored: recording such a response failed and was retried for ever
        try (LocalHttp server = new LocalHttp(Map.of(
                "/surrogate", "[{\"type\":\"variable_set\",\"option\":{\"key\":\"a\",\"value\":\"x\\ud800\"}}]",
                "/nul", "{\"v\":\"x\\u0000\"}"))) {
            String id = api.post("/v1/activeflows", json("{'actions':[{'type':'fetch','option':{'event_url':'"
                    + server.url("/surrogate") + "'}},{'type':'webhook_send','option':{'sync':true,'uri':'"
                    + server.url("/nul") + "'}},{'type':'variable_set','option':{'key':'went_on','value':'yes'}}]}"))
                    .body().get("id").asText();
            await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                    api.get("/v1/activeflows/" + id).body().path("status").asText()));
            JsonNode ended = api.get("/v1/activeflows/" + id).body();
            assertThat(ended.get("variables").get("went_on").asText()).isEqualTo("yes");
            assertThat(ended.get("variables").has("a")).isFalse();
            String timeline = api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").text();
            assertThat(timeline).contains("cannot be recorded");
        }
    }

    @Test
    void a_sync_webhook_waits_for_the_answer_and_exposes_it_as_variables() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/hook", "{\"accepted\":true}"))) {
            String id = api.post("/v1/activeflows", json("{'actions':[{'type':'webhook_send','option':{'sync':true,"
                    + "'uri':'" + server.url("/hook") + "','method':'POST','data_type':'application/json',"
                    + "'data':{'hello':'world'}}},{'type':'empty'}]}")).body().get("id").asText();
            await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                    api.get("/v1/activeflows/" + id).body().path("status").asText()));
            JsonNode variables = api.get("/v1/activeflows/" + id).body().get("variables");
            assertThat(variables.get("voipbin.webhook.response_status").asText()).isEqualTo("200");
            assertThat(variables.get("voipbin.webhook.response_body").asText()).isEqualTo("{\"accepted\":true}");
            assertThat(server.received.get(0).body()).isEqualTo("{\"hello\":\"world\"}");
            assertSigned(server.received.get(0));
        }
    }

    @Test
    void an_async_webhook_goes_straight_on_and_its_response_status_is_recorded() throws Exception {
        try (LocalHttp server = new LocalHttp(Map.of("/async", "{}"))) {
            JsonNode started = api.post("/v1/activeflows", json("{'actions':[{'type':'webhook_send','option':{"
                    + "'uri':'" + server.url("/async") + "','data':'ping'}},{'type':'empty'}]}")).body();
            assertThat(started.get("status").asText()).isEqualTo("ended");
            String id = started.get("id").asText();
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/timelines/activeflows/" + id
                    + "/events?page_size=100").text().contains("effect_responded"));
            String timeline = api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").text();
            assertThat(timeline).contains("\"status\":200");
            assertThat(server.received.get(0).body()).isEqualTo("ping");
        }
    }

    @Test
    void fetch_flow_runs_another_flow_of_the_same_customer_and_returns() {
        String inner = api.post("/v1/flows", json("{'actions':[{'type':'variable_set','option':{'key':'inner','value':'ran'}}]}"))
                .body().get("id").asText();
        String id = api.post("/v1/activeflows", json("{'actions':[{'type':'fetch_flow','option':{'flow_id':'" + inner
                + "'}},{'type':'variable_set','option':{'key':'outer','value':'${inner}'}}]}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> "ended".equals(
                api.get("/v1/activeflows/" + id).body().path("status").asText()));
        assertThat(api.get("/v1/activeflows/" + id).body().get("variables").get("outer").asText()).isEqualTo("ran");
    }

    @Test
    void on_complete_flows_chain_with_inherited_variables_and_stop_at_the_chain_limit() {
        String flowId = api.post("/v1/flows", json("{'actions':[{'type':'variable_set','option':{'key':'n','value':'${n}+'}}]}"))
                .body().get("id").asText();
        api.put("/v1/flows/" + flowId, json("{'on_complete_flow_id':'" + flowId + "','actions':["
                + "{'type':'variable_set','option':{'key':'n','value':'${n}+'}}]}"));
        String first = api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "','variables':{'n':''}}"))
                .body().get("id").asText();
        List<String> chain = new ArrayList<>(List.of(first));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode last = api.get("/v1/activeflows/" + chain.get(chain.size() - 1)).body();
            if (last == null || !"ended".equals(last.path("status").asText())) {
                return false;
            }
            JsonNode page = api.get("/v1/activeflows?page_size=100").body();
            for (JsonNode a : page.get("result")) {
                if (chain.get(chain.size() - 1).equals(a.path("reference_activeflow_id").asText())) {
                    chain.add(a.get("id").asText());
                    return false;
                }
            }
            return chain.size() == 5;
        });
        JsonNode fifth = api.get("/v1/activeflows/" + chain.get(4)).body();
        assertThat(fifth.get("variables").get("n").asText()).isEqualTo("+++++");
        assertThat(fifth.get("variables").get("voipbin.activeflow.complete_count").asText()).isEqualTo("4");
        String timeline = api.get("/v1/timelines/activeflows/" + chain.get(4) + "/events?page_size=100").text();
        assertThat(timeline).contains("chain_limit_reached");
        // D21: the stop reason of the last one records that the chain limit was reached, the detail how it ended
        assertThat(fifth.get("stop_reason").asText()).isEqualTo("chain_limit_reached");
        assertThat(fifth.get("stop_detail").asText()).startsWith("finished").contains("at most 5 activeflows");
        assertThat(api.get("/v1/activeflows/" + chain.get(3)).body().get("stop_reason").asText()).isEqualTo("finished");
    }

    @Test
    void flows_and_activeflows_carry_every_field_of_the_reference_shapes() {
        // reference 1.5, webhook/API view
        JsonNode flow = api.post("/v1/flows", json("{'name':'shape','actions':[{'type':'sleep','option':{'duration':60000}}]}"))
                .body();
        List<String> flowFields = List.of("id", "customer_id", "type", "name", "detail", "actions", "direct_id",
                "direct_hash", "on_complete_flow_id", "tm_create", "tm_update", "tm_delete");
        assertThat(flow.fieldNames()).toIterable().containsAll(flowFields);
        assertThat(api.get("/v1/flows/" + flow.get("id").asText()).body().fieldNames()).toIterable()
                .containsAll(flowFields);
        JsonNode started = api.post("/v1/activeflows", json("{'flow_id':'" + flow.get("id").asText() + "'}")).body();
        List<String> activeflowFields = List.of("id", "customer_id", "flow_id", "status", "reference_type",
                "reference_id", "reference_activeflow_id", "on_complete_flow_id", "webhook_uri", "webhook_method",
                "current_action", "forward_action_id", "executed_actions", "tm_create", "tm_update", "tm_delete");
        assertThat(started.fieldNames()).toIterable().containsAll(activeflowFields);
        JsonNode read = api.get("/v1/activeflows/" + started.get("id").asText()).body();
        assertThat(read.fieldNames()).toIterable().containsAll(activeflowFields);
        assertThat(read).isEqualTo(started);
        assertThat(started.get("tm_create").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        api.post("/v1/activeflows/" + started.get("id").asText() + "/stop", null);
    }

    @Test
    void initial_variables_are_sanitized_as_voipbin_does_and_reserved_ones_cannot_be_forged() {
        JsonNode started = api.post("/v1/activeflows", json("{'actions':[],'variables':{' name ':'Ada','n':5,'on':true,"
                + "'voipbin.activeflow.id':'forged','VoipBin.call.digits':'1','':'x','o':{'a':1},'l':[1],'z':null}}"))
                .body();
        JsonNode variables = started.get("variables");
        assertThat(variables.get("voipbin.activeflow.id").asText()).isEqualTo(started.get("id").asText());
        assertThat(variables.get("name").asText()).isEqualTo("Ada");
        assertThat(variables.get("n").asText()).isEqualTo("5");
        assertThat(variables.get("on").asText()).isEqualTo("true");
        assertThat(variables.has("VoipBin.call.digits")).isFalse();
        assertThat(variables.has("o") || variables.has("l") || variables.has("z") || variables.has("")).isFalse();

        // reference 5.2: an injection over the limits is dropped whole, and the activeflow still starts
        Api.Reply tooBig = api.post("/v1/activeflows", json("{'actions':[],'variables':{'small':'1','big':'"
                + "x".repeat(33 * 1024) + "'}}"));
        assertThat(tooBig.status()).isEqualTo(200);
        assertThat(tooBig.body().get("variables").has("small")).isFalse();
        assertThat(tooBig.body().get("variables").has("voipbin.activeflow.id")).isTrue();
    }

    @Test
    void bad_activeflow_requests_name_the_field() {
        assertThat(api.post("/v1/activeflows", json("{}")).text()).contains("/flow_id");
        assertThat(api.post("/v1/activeflows", json("{'flow_id':'x'}")).text()).contains("/flow_id");
        assertThat(api.post("/v1/activeflows", json("{'actions':[],'variables':[1]}")).text())
                .contains("/variables");
        assertThat(api.post("/v1/activeflows", json("{'actions':[],'reference_type':'call'}")).text())
                .contains("/reference_type");
        assertThat(api.post("/v1/activeflows", json("{'actions':[{'type':'goto'}]}")).text())
                .contains("/actions/0/option/target_id");
        assertThat(api.post("/v1/activeflows", json("{'actions':[],'variables':{'" + "n".repeat(300) + "':'1'}}"))
                .text()).contains("at most 256 characters");
        assertThat(api.post("/v1/activeflows", json("{'actions':[{'type':'variable_set','option':{'key':'"
                + "n".repeat(300) + "','value':'1'}}]}")).text()).contains("/actions/0/option/key");
        assertThat(api.get("/v1/activeflows/not-a-uuid").status()).isEqualTo(404);
        String id = api.post("/v1/activeflows", json("{'actions':[]}")).body().get("id").asText();
        assertThat(api.post("/v1/activeflows", json("{'id':'" + id + "','actions':[]}")).status()).isEqualTo(409);
    }

    @Test
    void the_timeline_shows_every_step_oldest_first_with_who_caused_it() {
        String id = api.post("/v1/activeflows", json("{'actions':[{'type':'variable_set','option':{'key':'a','value':'1'}},"
                + "{'type':'empty'}]}"))
                .body().get("id").asText();
        JsonNode events = api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").body().get("result");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("event_type").asText()));
        assertThat(types.get(0)).isEqualTo("activeflow_created");
        assertThat(types).contains("action_started", "variables_set", "action_finished", "activeflow_stopped");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i);
        }
        assertThat(events.get(0).get("actor").asText()).startsWith("accesskey:");
        assertThat(events.get(0).get("correlation_id").asText()).isNotBlank();
    }

    private static void assertSigned(LocalHttp.Received request) throws Exception {
        String signature = request.header("X-Callflow-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-signing-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(mac.doFinal(request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(signature).endsWith("v1=" + expected);
        assertThat(request.header("X-Callflow-Delivery")).hasSize(36);
    }

    @Test
    void the_id_of_another_kind_of_resource_is_no_flow() {
        String trunkId = api.post("/v1/trunks", json("{'name':'t','host':'127.0.0.1'}")).body().get("id").asText();
        Api.Reply started = api.post("/v1/activeflows", json("{'flow_id':'" + trunkId + "'}"));
        assertThat(started.status()).as(started.text()).isEqualTo(404);
        Api.Reply call = api.post("/v1/calls", json("{'flow_id':'" + trunkId + "','destinations':[{'type':'sip',"
                + "'target':'bob@127.0.0.1:5999'}]}"));
        assertThat(call.status()).as(call.text()).isEqualTo(400);
        assertThat(call.body().get("error").get("details").get(0).get("pointer").asText()).isEqualTo("/flow_id");
    }
}
