package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A read right after a write sees the write: no waiting, no retrying. The commands answer from the aggregate
 * and the reads from projections that follow asynchronously, so each read waits for its projection to have
 * handled what was stored before it ({@code Freshness}). Repeated, since a lag shows only now and then.
 */
class ReadsAfterWritesTest extends PlatformTest {
    private static final int ROUNDS = 15;

    @Test
    void a_flow_reads_back_at_once_after_each_save_and_is_gone_at_once_after_its_delete() {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode created = api.post("/v1/flows", json("{'name':'first " + round + "','actions':[]}")).body();
            String id = created.get("id").asText();
            Api.Reply read = api.get("/v1/flows/" + id);
            assertThat(read.status()).as("GET after POST, round %d", round).isEqualTo(200);
            assertThat(read.body().get("name").asText()).isEqualTo("first " + round);
            assertThat(api.get("/v1/flows?page_size=1").body().get("result").get(0).get("id").asText())
                    .as("list after POST, round %d", round).isEqualTo(id);

            api.put("/v1/flows/" + id, json("{'name':'second " + round + "','actions':[{'type':'empty'}]}"));
            JsonNode updated = api.get("/v1/flows/" + id).body();
            assertThat(updated.get("name").asText()).as("GET after PUT, round %d", round).isEqualTo("second " + round);
            assertThat(updated.get("version").asInt()).isEqualTo(2);
            assertThat(api.get("/v1/flows/" + id + "/versions/2").status()).isEqualTo(200);

            api.delete("/v1/flows/" + id);
            assertThat(api.get("/v1/flows/" + id).status()).as("GET after DELETE, round %d", round).isEqualTo(404);
        }
    }

    @Test
    void an_activeflow_reads_back_at_once_after_its_start_stop_and_delete() {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode started = api.post("/v1/activeflows", json("{'actions':[{'type':'variable_set',"
                    + "'option':{'key':'round','value':'" + round + "'}},{'type':'sleep','option':{'duration':60000}}]}"))
                    .body();
            String id = started.get("id").asText();
            Api.Reply read = api.get("/v1/activeflows/" + id);
            assertThat(read.status()).as("GET after POST, round %d", round).isEqualTo(200);
            assertThat(read.body()).isEqualTo(started);

            JsonNode stopped = api.post("/v1/activeflows/" + id + "/stop", null).body();
            JsonNode afterStop = api.get("/v1/activeflows/" + id).body();
            assertThat(afterStop.get("status").asText()).as("GET after stop, round %d", round).isEqualTo("ended");
            assertThat(afterStop).isEqualTo(stopped);
            assertThat(api.get("/v1/activeflows?status=ended&page_size=1").body().get("result").get(0).get("id")
                    .asText()).as("list after stop, round %d", round).isEqualTo(id);

            api.delete("/v1/activeflows/" + id);
            assertThat(api.get("/v1/activeflows/" + id).status()).as("GET after DELETE, round %d", round)
                    .isEqualTo(404);
        }
    }
}
