package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.media.sip.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardCountsTest extends PlatformTest {

    @Test
    void counts_show_running_completed_and_failed_activeflows_per_flow_for_the_caller_only() {
        Api customer = otherCustomer();
        String ok = customer.post("/v1/flows", json("{'name':'ok','actions':[{'type':'empty'}]}")).body()
                .get("id").asText();
        String loops = customer.post("/v1/flows", json("{'name':'loops','actions':[{'id':'6c1d2b8e-0000-4000-8000-"
                + "000000000001','type':'empty'},{'type':'goto','option':{'target_id':'6c1d2b8e-0000-4000-8000-"
                + "000000000001','loop_count':100000}}]}")).body().get("id").asText();
        String waits = customer.post("/v1/flows", json("{'name':'waits','actions':[{'type':'sleep','option':"
                + "{'duration':600000}}]}")).body().get("id").asText();
        for (int i = 0; i < 3; i++) {
            customer.post("/v1/activeflows", json("{'flow_id':'" + ok + "'}"));
        }
        customer.post("/v1/activeflows", json("{'flow_id':'" + loops + "'}"));
        customer.post("/v1/activeflows", json("{'flow_id':'" + waits + "'}"));

        await().atMost(Duration.ofSeconds(15)).until(() -> customer.get("/v1/dashboard/counts").body()
                .get("activeflows_by_status").get("ended").asLong() == 4);
        JsonNode counts = customer.get("/v1/dashboard/counts").body();
        assertThat(counts.get("activeflows_by_status").get("running").asLong()).isEqualTo(1);
        JsonNode flows = counts.get("flows");
        assertThat(flows).hasSize(3);
        assertThat(flow(flows, ok).get("completed").asLong()).isEqualTo(3);
        assertThat(flow(flows, loops).get("failed").asLong()).isEqualTo(1);
        assertThat(flow(flows, loops).get("ended_by_reason").get("consecutive_step_limit").asLong()).isEqualTo(1);
        assertThat(flow(flows, waits).get("running").asLong()).isEqualTo(1);
        assertThat(api.get("/v1/dashboard/counts").body().get("flows").toString()).doesNotContain(ok);
    }

    @Test
    void counts_show_the_callers_active_calls_by_status_until_they_hang_up() throws Exception {
        Api customer = otherCustomer();
        JsonNode none = customer.get("/v1/dashboard/counts").body();
        assertThat(none.get("active_calls").asLong()).isZero();
        assertThat(none.get("calls_by_status").size()).isZero();
        try (Sipp callee = Sipp.server("uas_ring.xml")) {
            Api.Reply dialed = customer.post("/v1/calls", json("{'source':{'type':'tel','target':'+15550002222'},"
                    + "'destinations':[{'type':'sip','target':'bob@127.0.0.1:" + callee.port() + "'}],"
                    + "'actions':[{'type':'hangup'}]}"));
            assertThat(dialed.status()).as(dialed.text()).isEqualTo(200);
            String call = dialed.body().get("calls").get(0).get("id").asText();

            JsonNode ringing = await().atMost(Duration.ofSeconds(20)).until(
                    () -> customer.get("/v1/dashboard/counts").body(),
                    c -> c.path("calls_by_status").path("ringing").asLong() == 1);
            assertThat(ringing.get("active_calls").asLong()).isEqualTo(1);
            assertThat(api.get("/v1/dashboard/counts").body().path("calls_by_status").path("ringing").asLong())
                    .as("another customer's call is not counted").isZero();

            assertThat(customer.post("/v1/calls/" + call + "/hangup", "{}").status()).isEqualTo(200);
            JsonNode ended = await().atMost(Duration.ofSeconds(20)).until(
                    () -> customer.get("/v1/dashboard/counts").body(),
                    c -> c.path("calls_by_status").path("hangup").asLong() == 1);
            assertThat(ended.get("active_calls").asLong()).isZero();
        }
    }

    private static JsonNode flow(JsonNode flows, String id) {
        for (JsonNode flow : flows) {
            if (flow.get("flow_id").asText().equals(id)) {
                return flow;
            }
        }
        throw new AssertionError("no counts for flow " + id + " in " + flows);
    }
}
