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
 * POST /v1/calls against SIPp callees over loopback: each SIP outcome ends the call with the
 * hangup_reason and hangup_by of the reference's table 6.3, and an answered call runs its flow.
 */
class OutboundCallApiTest extends PlatformTest {
    private static final String HANG_UP_AFTER_A_TALK = "'actions':[{'type':'talk','option':{'text':'Hello.'}},"
            + "{'type':'hangup'}]";

    @Test
    void an_answered_call_runs_its_flow_and_we_hang_up() throws Exception {
        try (Sipp callee = Sipp.server("uas_answer.xml")) {
            JsonNode call = dial("sip", "bob@127.0.0.1:" + callee.port(), null);
            JsonNode ended = awaitHangup(call);
            assertThat(callee.exitCode()).as(callee::logs).isZero();
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("normal");
            assertThat(ended.get("hangup_by").asText()).isEqualTo("local");
            assertThat(ended.get("tm_progressing").isNull()).isFalse();
            assertThat(executed(call)).containsExactly("talk", "hangup");
        }
    }

    @Test
    void a_busy_callee_ends_the_call_busy_remote_and_no_flow_runs() throws Exception {
        try (Sipp callee = Sipp.server("uas_busy.xml")) {
            JsonNode ended = awaitHangup(dial("sip", "bob@127.0.0.1:" + callee.port(), null));
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("busy");
            assertThat(ended.get("hangup_by").asText()).isEqualTo("remote");
            assertThat(api.get("/v1/activeflows/" + ended.get("activeflow_id").asText()).status()).isEqualTo(404);
        }
    }

    /** VoIPbin's "dialout: the call reached the dialing timeout before it was answered" (our timeout, not the callee's 480). */
    @Test
    void nobody_answering_before_the_ring_timeout_is_dialout() throws Exception {
        try (Sipp callee = Sipp.server("uas_ring.xml")) {
            JsonNode ended = awaitHangup(dial("sip", "bob@127.0.0.1:" + callee.port(), null));
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("dialout");
            assertThat(ended.get("hangup_by").asText()).isEqualTo("remote");
            assertThat(ended.get("tm_ringing").isNull()).isFalse();
            assertThat(callee.exitCode()).as(callee::logs).isZero();
        }
    }

    @Test
    void hanging_up_before_the_answer_cancels_the_call() throws Exception {
        try (Sipp callee = Sipp.server("uas_ring.xml")) {
            JsonNode call = dial("sip", "bob@127.0.0.1:" + callee.port(), null);
            await().atMost(Duration.ofSeconds(20)).until(() -> "ringing".equals(get(call).get("status").asText()));
            assertThat(api.post("/v1/calls/" + call.get("id").asText() + "/hangup", "{}").status()).isEqualTo(200);
            JsonNode ended = awaitHangup(call);
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("cancel");
            assertThat(ended.get("hangup_by").asText()).isEqualTo("local");
            assertThat(callee.exitCode()).as(callee::logs).isZero();
        }
    }

    @Test
    void a_callee_hanging_up_ends_the_call_remote_and_stops_its_flow() throws Exception {
        try (Sipp callee = Sipp.server("uas_remote_bye.xml")) {
            JsonNode call = dialWith("sip", "bob@127.0.0.1:" + callee.port(), null,
                    "'actions':[{'type':'echo','option':{'duration':60000}}]");
            JsonNode ended = awaitHangup(call);
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("normal");
            assertThat(ended.get("hangup_by").asText()).isEqualTo("remote");
            JsonNode activeflow = await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).body(),
                            a -> "ended".equals(a.path("status").asText()));
            assertThat(activeflow.get("stop_reason").asText()).isEqualTo("call_hangup");
        }
    }

    @Test
    void a_tel_destination_goes_through_a_digest_authenticated_trunk() throws Exception {
        try (Sipp trunk = Sipp.server("uas_digest.xml")) {
            String trunkId = api.post("/v1/trunks", Api.json("{'name':'carrier','host':'127.0.0.1','port':"
                    + trunk.port() + ",'username':'trunkuser','password':'s3cret'}")).body().get("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/trunks/" + trunkId).status() == 200);
            String flowId = api.post("/v1/flows", Api.json("{" + HANG_UP_AFTER_A_TALK + "}")).body().get("id")
                    .asText();
            JsonNode call = dialWith("tel", "+15557654321", trunkId, "'flow_id':'" + flowId + "'");
            JsonNode ended = awaitHangup(call);
            assertThat(trunk.exitCode()).as(trunk::logs).isZero();
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("normal");
            assertThat(executed(call)).containsExactly("talk", "hangup");
        }
    }

    @Test
    void bad_destinations_are_refused_with_their_pointer() {
        Api.Reply reply = api.post("/v1/calls", Api.json("{" + HANG_UP_AFTER_A_TALK + ",'destinations':["
                + "{'type':'sip','target':'bob@127.0.0.1'},{'type':'agent','target':'x'},{'type':'tel','target':'12'}]}"));
        assertThat(reply.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        reply.body().get("error").get("details").forEach(d -> pointers.add(d.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/destinations/1/type", "/destinations/2/target");
    }

    private JsonNode dial(String type, String target, String trunkId) {
        return dialWith(type, target, trunkId, HANG_UP_AFTER_A_TALK);
    }

    private JsonNode dialWith(String type, String target, String trunkId, String actions) {
        String trunk = trunkId == null ? "" : ",'trunk_id':'" + trunkId + "'";
        Api.Reply reply = api.post("/v1/calls", Api.json("{'source':{'type':'tel','target':'+15550002222'},"
                + "'destinations':[{'type':'" + type + "','target':'" + target + "'}]," + actions + trunk + "}"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode call = reply.body().get("calls").get(0);
        assertThat(call.get("status").asText()).isEqualTo("dialing");
        return call;
    }

    private JsonNode get(JsonNode call) {
        return api.get("/v1/calls/" + call.get("id").asText()).body();
    }

    private JsonNode awaitHangup(JsonNode call) {
        return await().atMost(Duration.ofSeconds(40)).until(() -> get(call),
                c -> "hangup".equals(c.path("status").asText()));
    }

    private List<String> executed(JsonNode call) {
        JsonNode activeflow = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).body(),
                        a -> "ended".equals(a.path("status").asText()));
        List<String> ran = new ArrayList<>();
        activeflow.get("executed_actions").forEach(a -> ran.add(a.get("type").asText()));
        return ran;
    }
}
