package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayApiTest extends PlatformTest {
    private static final String FLOW = "{'variables':{'name':'Ada'},'actions':["
            + "{'type':'variable_set','option':{'key':'greeting','value':'hi ${name}'}},"
            + "{'type':'sleep','option':{'duration':300}},"
            + "{'id':'6c1d2b8e-0000-4000-8000-000000000001','type':'variable_set','option':{'key':'loop','value':'${loop}x'}},"
            + "{'type':'goto','option':{'target_id':'6c1d2b8e-0000-4000-8000-000000000001','loop_count':2}},"
            + "{'type':'condition_datetime','option':{'condition':'>=','hour':0}},"
            + "{'type':'variable_set','option':{'key':'done','value':'yes'}}]}";

    /** Starts the flow above and waits until its timer has fired and it has run to its end. */
    private String endedActiveflow() {
        String id = api.post("/v1/activeflows", json(FLOW)).body().get("id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/activeflows/" + id + "/state").body()
                .path("ended").asBoolean());
        return id;
    }

    private List<JsonNode> timeline(String id) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").body().get("result").forEach(events::add);
        return events;
    }

    private static long sequenceOf(List<JsonNode> events, String eventType, int nth) {
        return events.stream().filter(e -> e.get("event_type").asText().equals(eventType)).skip(nth).findFirst()
                .orElseThrow().get("sequence").asLong();
    }

    @Test
    void the_state_at_a_sequence_shows_the_variables_and_the_cursor_as_they_were_after_that_event() {
        String id = endedActiveflow();
        List<JsonNode> events = timeline(id);
        String state = "/v1/activeflows/" + id + "/state?at_sequence=";

        JsonNode created = api.get(state + 0).body();
        assertThat(created.get("sequence").asLong()).isZero();
        assertThat(created.get("cursor").get("action").isNull()).isTrue();
        assertThat(created.get("variables").get("name").asText()).isEqualTo("Ada");
        assertThat(created.get("variables").has("greeting")).isFalse();
        assertThat(created.get("stacks")).hasSize(1);

        JsonNode greeted = api.get(state + sequenceOf(events, "variables_set", 0)).body();
        assertThat(greeted.get("variables").get("greeting").asText()).isEqualTo("hi Ada");
        assertThat(greeted.get("cursor").get("action").get("type").asText()).isEqualTo("variable_set");
        assertThat(greeted.get("counters").get("step").asLong()).isEqualTo(1);

        JsonNode sleeping = api.get(state + sequenceOf(events, "timer_started", 0)).body();
        assertThat(sleeping.get("cursor").get("action").get("type").asText()).isEqualTo("sleep");
        assertThat(sleeping.get("waiting").get("kind").asText()).isEqualTo("timer");
        assertThat(sleeping.get("variables").has("loop")).isFalse();

        JsonNode looping = api.get(state + sequenceOf(events, "goto_counted", 0)).body();
        assertThat(looping.get("variables").get("loop").asText()).isEqualTo("x");
        assertThat(looping.get("counters").get("goto_remaining").get(0).get("remaining").asInt()).isEqualTo(1);
        assertThat(looping.get("waiting").isNull()).isTrue();

        JsonNode latest = api.get("/v1/activeflows/" + id + "/state").body();
        assertThat(latest.get("sequence").asLong()).isEqualTo(events.size() - 1);
        assertThat(latest.get("ended").asBoolean()).isTrue();
        assertThat(latest.get("variables").get("loop").asText()).isEqualTo("xxx");
        assertThat(latest.get("variables").get("done").asText()).isEqualTo("yes");
        assertThat(latest.get("cursor").get("action").get("option").get("key").asText()).isEqualTo("done");
        assertThat(latest.get("counters").get("executions").asInt()).isEqualTo(10);
    }

    @Test
    void replaying_an_unchanged_activeflow_reports_every_decision_equal_and_no_divergence() {
        String id = endedActiveflow();

        Api.Reply reply = api.post("/v1/activeflows/" + id + "/replay", null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode replay = reply.body();
        assertThat(replay.get("activeflow_id").asText()).isEqualTo(id);
        assertThat(replay.get("diverged").asBoolean()).isFalse();
        assertThat(replay.get("first_divergence").isNull()).isTrue();
        assertThat(replay.get("events").asInt()).isEqualTo(timeline(id).size());
        List<String> inputs = new ArrayList<>();
        replay.get("steps").forEach(step -> inputs.add(step.get("input").asText()));
        assertThat(inputs).containsExactly("start", "timer_fired");
        for (JsonNode step : replay.get("steps")) {
            assertThat(step.get("equal").asBoolean()).isTrue();
            assertThat(step.get("replayed")).isEqualTo(step.get("recorded"));
        }
        JsonNode timer = replay.get("steps").get(1);
        assertThat(timer.get("recorded").get(0).get("event_type").asText()).isEqualTo("timer_fired");
        assertThat(timer.get("recorded").get(0).get("sequence").asLong()).isEqualTo(timer.get("sequence").asLong());
        assertThat(timer.get("recorded").toString()).contains("clock_read");
    }

    @Test
    void omit_equal_leaves_out_the_equal_steps_but_still_counts_every_input() {
        String id = endedActiveflow();

        JsonNode replay = api.post("/v1/activeflows/" + id + "/replay?omit_equal=true", null).body();

        assertThat(replay.get("diverged").asBoolean()).isFalse();
        assertThat(replay.get("inputs").asInt()).isEqualTo(2);
        assertThat(replay.get("steps")).isEmpty();
        assertThat(replay.get("events").asInt()).isEqualTo(timeline(id).size());
        assertThat(api.post("/v1/activeflows/" + id + "/replay?omit_equal=false", null).body().get("steps"))
                .hasSize(2);
        assertThat(api.post("/v1/activeflows/" + id + "/replay?omit_equal=yes", null).status()).isEqualTo(400);
    }

    @Test
    void a_stopped_and_deleted_activeflow_still_replays_its_stop_and_delete() {
        String id = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':60000}}]}"))
                .body().get("id").asText();
        assertThat(api.post("/v1/activeflows/" + id + "/stop", null).status()).isEqualTo(200);
        assertThat(api.delete("/v1/activeflows/" + id).status()).isEqualTo(200);

        JsonNode replay = api.post("/v1/activeflows/" + id + "/replay", null).body();

        List<String> inputs = new ArrayList<>();
        replay.get("steps").forEach(step -> inputs.add(step.get("input").asText()));
        assertThat(inputs).containsExactly("start", "stop", "delete");
        assertThat(replay.get("diverged").asBoolean()).isFalse();
        JsonNode latest = api.get("/v1/activeflows/" + id + "/state").body();
        assertThat(latest.get("deleted").asBoolean()).isTrue();
    }

    @Test
    void another_customer_sees_neither_the_state_nor_the_replay() {
        String id = endedActiveflow();
        Api other = otherCustomer();

        assertThat(other.get("/v1/activeflows/" + id + "/state").status()).isEqualTo(404);
        assertThat(other.get("/v1/activeflows/" + id + "/state?at_sequence=0").status()).isEqualTo(404);
        assertThat(other.post("/v1/activeflows/" + id + "/replay", null).status()).isEqualTo(404);
    }

    @Test
    void unknown_ids_and_ids_of_other_resources_are_not_found() {
        String flowId = api.post("/v1/flows", json("{'actions':[{'type':'empty'}]}")).body().get("id").asText();
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", flowId)) {
            assertThat(api.get("/v1/activeflows/" + id + "/state").status()).as(id).isEqualTo(404);
            assertThat(api.post("/v1/activeflows/" + id + "/replay", null).status()).as(id).isEqualTo(404);
        }
    }

    @Test
    void an_at_sequence_that_is_negative_not_a_number_or_beyond_the_last_event_is_refused_with_its_pointer() {
        String id = endedActiveflow();
        long last = timeline(id).size() - 1;
        assertThat(api.get("/v1/activeflows/" + id + "/state?at_sequence=" + last).status()).isEqualTo(200);
        for (String bad : List.of("-1", "abc", "1.5", Long.toString(last + 1), "99999999999999999999")) {
            Api.Reply reply = api.get("/v1/activeflows/" + id + "/state?at_sequence=" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.body().get("error").get("details").get(0).get("pointer").asText()).as(bad)
                    .isEqualTo("/at_sequence");
        }
    }
}
