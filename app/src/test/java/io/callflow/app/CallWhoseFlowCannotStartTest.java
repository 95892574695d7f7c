package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.media.sip.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Reference 3.9: an INVITE to a number whose flow cannot start (it was deleted) is refused with
 * 480, and the call is still recorded, ended, without an activeflow (the call and its flow are
 * admitted in one unit of work, which stored nothing of either).
 */
class CallWhoseFlowCannotStartTest extends PlatformTest {
    private static final String NUMBER = "+15550004800";

    @Test
    void is_refused_480_and_recorded_as_hung_up() throws Exception {
        String flowId = api.post("/v1/flows", Api.json("{'name':'gone','actions':[{'type':'answer'}]}")).body()
                .get("id").asText();
        String numberId = api.post("/v1/numbers", Api.json("{'number':'" + NUMBER + "','call_flow_id':'" + flowId
                + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/numbers/" + numberId).status() == 200);
        assertThat(api.delete("/v1/flows/" + flowId).status()).isEqualTo(200);

        try (Sipp caller = Sipp.client("uac_invite_480.xml", SIP_PORT, NUMBER)) {
            assertThat(caller.exitCode()).as(caller::logs).isZero();
        }

        JsonNode call = await().atMost(Duration.ofSeconds(20)).until(this::ourCall,
                c -> c != null && "hangup".equals(c.get("status").asText()));
        assertThat(call.get("direction").asText()).isEqualTo("incoming");
        assertThat(api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).status()).isEqualTo(404);
    }

    private JsonNode ourCall() {
        for (JsonNode call : api.get("/v1/calls?direction=incoming").body().get("result")) {
            if (NUMBER.equals(call.get("destination").get("target").asText())) {
                return call;
            }
        }
        return null;
    }
}
