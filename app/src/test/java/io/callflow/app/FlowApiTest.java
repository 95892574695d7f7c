package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowApiTest extends PlatformTest {
    private static final String IVR = json("{'name':'ivr','detail':'main menu','actions':["
            + "{'type':'variable_set','option':{'key':'greeting','value':'hello'}},"
            + "{'type':'sleep','option':{'duration':100}},{'type':'stop'}]}");

    @Test
    void a_saved_flow_gets_ids_for_its_actions_and_version_one() {
        Api.Reply created = api.post("/v1/flows", IVR);
        assertThat(created.status()).isEqualTo(200);
        JsonNode flow = created.body();
        assertThat(flow.get("version").asInt()).isEqualTo(1);
        assertThat(flow.get("customer_id").asText()).isNotEmpty();
        assertThat(flow.get("tm_create").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(flow.get("actions")).hasSize(3);
        flow.get("actions").forEach(a -> assertThat(a.get("id").asText()).hasSize(36));
        String id = flow.get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/flows/" + id).status() == 200);
        assertThat(api.get("/v1/flows/" + id).body().get("actions")).isEqualTo(flow.get("actions"));
    }

    @Test
    void every_problem_of_an_invalid_flow_comes_back_at_once_with_its_pointer_and_nothing_is_stored() {
        int before = countFlows();
        Api.Reply reply = api.post("/v1/flows", json("{'name':'bad','actions':["
                + "{'type':'talk'},"
                + "{'type':'digits_send','option':{'digits':'12x'}},"
                + "{'type':'goto','option':{'target_id':'6f1e0c58-3f35-4a43-8d1c-6a0b3f1e0c58','loop_count':2}},"
                + "{'type':'no_such_type'}]}"));
        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.body().get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_request");
        List<String> pointers = new ArrayList<>();
        error.get("details").forEach(d -> pointers.add(d.get("pointer").asText()));
        assertThat(pointers).contains("/actions/0/option/text", "/actions/1/option/digits",
                "/actions/2/option/target_id", "/actions/3/type");
        error.get("details").forEach(d -> assertThat(d.get("message").asText()).isNotBlank());
        assertThat(countFlows()).isEqualTo(before);
    }

    @Test
    void duplicate_ids_and_next_ids_pointing_nowhere_are_rejected() {
        Api.Reply reply = api.post("/v1/flows", json("{'actions':["
                + "{'id':'11111111-1111-4111-8111-111111111111','type':'empty'},"
                + "{'id':'11111111-1111-4111-8111-111111111111','type':'empty',"
                + "'next_id':'22222222-2222-4222-8222-222222222222'}]}"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("/actions/1/id").contains("/actions/1/next_id");
    }

    @Test
    void malformed_or_wrongly_typed_input_is_a_clear_400_never_a_500() {
        assertThat(api.post("/v1/flows", "{\"actions\": [").status()).isEqualTo(400);
        assertThat(api.post("/v1/flows", "[]").status()).isEqualTo(400);
        assertThat(api.post("/v1/flows", json("{'actions':[],'surprise':1}")).body().get("error").get("details")
                .get(0).get("pointer").asText()).isEqualTo("/surprise");
        assertThat(api.post("/v1/flows", json("{'actions':[{'type':'sleep','option':{'duration':1e400}}]}"))
                .status()).isEqualTo(400);
        assertThat(api.post("/v1/flows", json("{'actions':[{'type':'sleep','option':{'duration':"
                + "123456789012345678901234567890}}]}")).status()).isEqualTo(400);
        assertThat(api.post("/v1/flows", json("{'name':5,'actions':'no'}")).status()).isEqualTo(400);
    }

    @Test
    void a_nul_character_anywhere_is_refused_with_its_pointer() {
        Api.Reply reply = api.post("/v1/flows", "{\"name\":\"a\\u0000b\",\"actions\":[]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").get("details").get(0).get("pointer").asText()).isEqualTo("/name");
        Api.Reply deep = api.post("/v1/flows", "{\"actions\":[{\"type\":\"variable_set\",\"option\":"
                + "{\"key\":\"k\",\"value\":\"\\u0000\"}}]}");
        assertThat(deep.body().get("error").get("details").get(0).get("pointer").asText())
                .isEqualTo("/actions/0/option/value");
    }

    @Test
    void the_wrong_content_type_is_415_and_a_body_over_a_mebibyte_is_413() {
        assertThat(api.send("POST", "/v1/flows", "name=x", "text/plain").status()).isEqualTo(415);
        String huge = json("{'detail':'" + "x".repeat(1_100_000) + "','actions':[]}");
        Api.Reply tooLarge = api.post("/v1/flows", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("error").get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void more_than_a_thousand_actions_are_refused() {
        StringBuilder actions = new StringBuilder("{\"actions\":[");
        for (int i = 0; i < 1001; i++) {
            actions.append(i == 0 ? "" : ",").append("{\"type\":\"empty\"}");
        }
        Api.Reply reply = api.post("/v1/flows", actions.append("]}").toString());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("/actions");
    }

    @Test
    void each_update_is_a_new_version_and_a_stale_version_is_a_conflict() {
        String id = api.post("/v1/flows", IVR).body().get("id").asText();
        Api.Reply updated = api.put("/v1/flows/" + id, json("{'name':'ivr v2','version':1,'actions':[{'type':'stop'}]}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("version").asInt()).isEqualTo(2);
        Api.Reply stale = api.put("/v1/flows/" + id, json("{'name':'late','version':1,'actions':[]}"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("error").get("code").asText()).isEqualTo("conflict");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/v1/flows/" + id).body().get("version").asInt() == 2);
        assertThat(api.get("/v1/flows/" + id + "/versions/1").body().get("name").asText()).isEqualTo("ivr");
    }

    @Test
    void the_flow_timeline_lists_each_version_oldest_first() {
        String id = api.post("/v1/flows", IVR).body().get("id").asText();
        api.put("/v1/flows/" + id, json("{'name':'second','actions':[]}"));
        JsonNode events = api.get("/v1/timelines/flows/" + id + "/events").body().get("result");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("event_type").asText()).isEqualTo("flow_created");
        assertThat(events.get(1).get("event_type").asText()).isEqualTo("flow_updated");
        assertThat(events.get(1).get("payload").get("version").asInt()).isEqualTo(2);
        assertThat(events.get(1).get("payload").get("name").asText()).isEqualTo("second");
        assertThat(api.get("/v1/timelines/activeflows/" + id + "/events").status()).isEqualTo(404);
    }

    @Test
    void a_deleted_flow_is_gone_from_reads_and_cannot_start_an_activeflow() {
        String id = api.post("/v1/flows", IVR).body().get("id").asText();
        assertThat(api.delete("/v1/flows/" + id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/flows/" + id).status() == 404);
        assertThat(api.post("/v1/activeflows", json("{'flow_id':'" + id + "'}")).status()).isEqualTo(404);
        assertThat(api.delete("/v1/flows/" + id).status()).isEqualTo(404);
    }

    @Test
    void another_customer_gets_404_for_every_flow_it_does_not_own() {
        String id = api.post("/v1/flows", IVR).body().get("id").asText();
        Api other = otherCustomer();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/flows/" + id).status() == 200);
        assertThat(other.get("/v1/flows/" + id).status()).isEqualTo(404);
        assertThat(other.put("/v1/flows/" + id, IVR).status()).isEqualTo(404);
        assertThat(other.delete("/v1/flows/" + id).status()).isEqualTo(404);
        assertThat(other.post("/v1/activeflows", json("{'flow_id':'" + id + "'}")).status()).isEqualTo(404);
        assertThat(other.get("/v1/timelines/flows/" + id + "/events").status()).isEqualTo(404);
        assertThat(other.get("/v1/flows").body().get("result")).isEmpty();
        assertThat(other.post("/v1/customers", json("{'name':'x'}")).status()).isEqualTo(404);
    }

    @Test
    void requests_without_a_valid_key_are_401_and_the_query_parameter_key_works() throws Exception {
        assertThat(api.withKey(null).get("/v1/flows").status()).isEqualTo(401);
        Api.Reply unknown = api.withKey("cf_not-a-key").get("/v1/flows");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("error").get("code").asText()).isEqualTo("unauthorized");
        assertThat(api.withKey(null).get("/v1/flows?accesskey=" + adminKey()).status()).isEqualTo(200);
    }

    @Test
    void validate_answers_like_a_save_and_stores_nothing() {
        int before = countFlows();
        assertThat(api.post("/v1/flows/validate", IVR).body().get("valid").asBoolean()).isTrue();
        Api.Reply invalid = api.post("/v1/flows/validate", json("{'actions':[{'type':'goto'}]}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("/actions/0/option/target_id");
        assertThat(countFlows()).isEqualTo(before);
    }

    @Test
    void the_schema_describes_every_action_type() {
        JsonNode schema = api.get("/v1/flows/schema").body();
        List<String> types = new ArrayList<>();
        schema.get("properties").get("type").get("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).contains("answer", "talk", "branch", "goto", "condition_datetime", "fetch_flow",
                "webhook_send", "variable_set", "sleep", "stop");
        assertThat(schema.get("$defs")).isNotEmpty();
    }

    @Test
    void lists_page_through_every_flow_once() {
        for (int i = 0; i < 5; i++) {
            api.post("/v1/flows", IVR);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> countFlows() >= 5);
        int total = countFlows();
        List<String> seen = new ArrayList<>();
        String token = "";
        while (true) {
            JsonNode page = api.get("/v1/flows?page_size=2&page_token=" + token).body();
            if (page.get("result").isEmpty()) {
                break;
            }
            page.get("result").forEach(f -> seen.add(f.get("id").asText()));
            token = page.get("next_page_token").asText();
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertThat(api.get("/v1/flows?page_size=abc").status()).isEqualTo(400);
    }

    private int countFlows() {
        int count = 0;
        String token = "";
        while (true) {
            JsonNode page = api.get("/v1/flows?page_size=100&page_token=" + token).body();
            if (page.get("result").isEmpty()) {
                return count;
            }
            count += page.get("result").size();
            token = page.get("next_page_token").asText();
        }
    }
}
