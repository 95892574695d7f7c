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
 * The call resource and its history as VoIPbin shows them (reference 1.5, 3.9, 6.3, 6.4, 12),
 * through real SIPp peers over loopback: chained calls, mute direction, anonymous dialing, the
 * caller's address, recording's end_of_key and the timeline's event names.
 */
class CallConformanceTest extends PlatformTest {

    @Test
    void a_connect_lists_its_legs_as_chained_calls_and_withholds_the_caller_id_when_asked() throws Exception {
        try (Sipp caller = Sipp.server("uas_answer.xml"); Sipp destination = Sipp.server("uas_anonymous.xml")) {
            JsonNode call = dial(caller, "[{'type':'connect','option':{'anonymous':'yes','destinations':["
                    + "{'type':'sip','target':'bob@127.0.0.1:" + destination.port() + "'}]}},{'type':'hangup'}]");
            JsonNode ended = awaitHangup(call);
            // the destination checked From: "Anonymous" <sip:anonymous@anonymous.invalid> and Privacy: id
            assertThat(destination.exitCode()).as(destination::logs).isZero();
            JsonNode leg = await().atMost(Duration.ofSeconds(20)).until(() -> legOf(call), l -> l != null);
            assertThat(ended.get("chained_call_ids")).extracting(JsonNode::asText)
                    .containsExactly(leg.get("id").asText());
            assertThat(leg.get("master_call_id").asText()).isEqualTo(call.get("id").asText());
            assertThat(leg.get("source").get("target").asText()).as("the call still says who calls")
                    .isEqualTo("+15550003333");
        }
    }

    /** Reference 3.9: when a call hangs up, the calls chained to it hang up too; here one still ringing is canceled. */
    @Test
    void a_chained_call_hangs_up_with_the_call_that_made_it() throws Exception {
        try (Sipp caller = Sipp.server("uas_answer.xml"); Sipp ringing = Sipp.server("uas_ring.xml")) {
            JsonNode call = dial(caller, "[{'type':'call','option':{'chained':true,'destinations':["
                    + "{'type':'sip','target':'erin@127.0.0.1:" + ringing.port() + "'}],"
                    + "'actions':[{'type':'hangup'}]}},{'type':'echo','option':{'duration':1500}},{'type':'hangup'}]");
            awaitHangup(call);
            JsonNode chained = await().atMost(Duration.ofSeconds(20)).until(() -> legOf(call),
                    l -> l != null && "hangup".equals(l.path("status").asText()));
            // canceled by us before the 4 s ring timeout, because its master ended
            assertThat(chained.get("hangup_reason").asText()).isEqualTo("cancel");
            assertThat(chained.get("hangup_by").asText()).isEqualTo("local");
            assertThat(ringing.exitCode()).as(ringing::logs).isZero();
            assertThat(eventTypes(chained)).containsExactly("call_created", "call_ringing", "call_canceling",
                    "call_hangup");
        }
    }

    /**
     * The call action's early_execution: the new call's flow runs while it rings; here it hangs up, canceling it.
     * Its {@code flow_id} is {@code ""}, which means not set (the inline actions run), as the validator lets it.
     */
    @Test
    void a_call_with_early_execution_runs_its_flow_while_it_rings() throws Exception {
        try (Sipp ringing = Sipp.server("uas_ring.xml")) {
            Api.Reply started = api.post("/v1/activeflows", Api.json("{'actions':[{'type':'call','option':{"
                    + "'early_execution':true,'flow_id':'','destinations':[{'type':'sip','target':'dave@127.0.0.1:" + ringing.port()
                    + "'}],'actions':[{'type':'hangup'}]}}]}"));
            assertThat(started.status()).as(started.text()).isEqualTo(200);
            JsonNode made = await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (JsonNode c : api.get("/v1/calls?direction=outgoing&page_size=100").body().get("result")) {
                    if (c.path("destination").path("target").asText().equals("dave@127.0.0.1:" + ringing.port())) {
                        return c;
                    }
                }
                return null;
            }, c -> c != null && "hangup".equals(c.path("status").asText()));
            // without early_execution it would ring until the 4 s ring timeout (dialout) and run nothing
            assertThat(made.get("hangup_reason").asText()).isEqualTo("cancel");
            assertThat(made.get("hangup_by").asText()).isEqualTo("local");
            assertThat(made.get("tm_progressing").isNull()).isTrue();
            assertThat(ringing.exitCode()).as(ringing::logs).isZero();
            JsonNode activeflow = api.get("/v1/activeflows/" + made.get("activeflow_id").asText()).body();
            assertThat(activeflow.get("executed_actions")).extracting(a -> a.get("type").asText())
                    .containsExactly("hangup");
        }
    }

    @Test
    void muting_shows_in_mute_direction_and_delete_mute_unmutes() throws Exception {
        try (Sipp callee = Sipp.server("uas_answer.xml")) {
            JsonNode call = dial(callee, "[{'type':'mute','option':{'direction':'in'}},"
                    + "{'type':'echo','option':{'duration':8000}},{'type':'hangup'}]");
            String id = call.get("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/calls/" + id).body()
                    .path("mute_direction").asText(), "in"::equals);
            assertThat(api.post("/v1/calls/" + id + "/mute", Api.json("{'direction':'out'}")).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/calls/" + id).body()
                    .path("mute_direction").asText(), "both"::equals);
            assertThat(api.delete("/v1/calls/" + id + "/mute").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/calls/" + id).body()
                    .path("mute_direction").asText(), String::isEmpty);
            assertThat(eventTypes(awaitHangup(call))).contains("call_updated");
        }
    }

    /** A caller that is a phone number is a tel address (VoIPbin's call to a number); recording_start's end_of_key ends the recording. */
    @Test
    void a_key_in_end_of_key_ends_the_recording_and_a_phone_caller_is_a_tel_source() throws Exception {
        String number = "+15550007777";
        String onEnd = api.post("/v1/flows", Api.json("{'name':'after the recording','actions':[{'type':'variable_set',"
                + "'option':{'key':'file','value':'${voipbin.recording.filenames}'}}]}")).body().get("id").asText();
        String flowId = api.post("/v1/flows", Api.json("{'name':'record until #','actions':[{'type':'answer'},"
                + "{'type':'recording_start','option':{'end_of_key':'#','on_end_flow_id':'" + onEnd + "'}},"
                + "{'type':'echo','option':{'duration':7000}},{'type':'hangup'}]}")).body().get("id").asText();
        String numberId = api.post("/v1/numbers", Api.json("{'number':'" + number + "','call_flow_id':'" + flowId
                + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/numbers/" + numberId).status() == 200);
        try (Sipp phone = Sipp.client("uac_keys_until_bye.xml", SIP_PORT, number)) {
            assertThat(phone.exitCode()).as(phone::logs).isZero();
        }
        JsonNode call = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : api.get("/v1/calls?direction=incoming").body().get("result")) {
                if (number.equals(c.path("destination").path("target").asText())) {
                    return c;
                }
            }
            return null;
        }, c -> c != null && "hangup".equals(c.path("status").asText()));
        assertThat(call.get("source").get("type").asText()).isEqualTo("tel");
        assertThat(call.get("source").get("target").asText()).isEqualTo("+15551230000");
        assertThat(call.get("source").get("target_name").asText()).isEqualTo("Alice A");
        // VoIPbin clears recording_id when the recording ends; recording_ids keeps it
        assertThat(call.get("recording_id").isNull()).isTrue();
        assertThat(call.get("recording_ids")).hasSize(1);
        String recordingId = call.get("recording_ids").get(0).asText();
        JsonNode recording = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/v1/recordings/" + recordingId).body(), r -> "ended".equals(r.path("status").asText()));
        // the keys come 2.5 s after the answer; without end_of_key it would run the whole 7 s echo
        assertThat(recording.get("duration_ms").asLong()).isBetween(1500L, 5000L);
        // on_end_flow_id ran for the recording, with its variables
        JsonNode afterwards = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode a : api.get("/v1/activeflows?page_size=100").body().get("result")) {
                if (recordingId.equals(a.path("reference_id").asText())) {
                    return a;
                }
            }
            return null;
        }, a -> a != null && "ended".equals(a.path("status").asText()));
        assertThat(afterwards.get("reference_type").asText()).isEqualTo("recording");
        assertThat(afterwards.get("flow_id").asText()).isEqualTo(onEnd);
        assertThat(afterwards.get("variables").get("file").asText()).isEqualTo(recordingId + ".wav");
    }

    /** recording_start's end_of_silence: a caller that sends no audio at all ends the recording after that many seconds. */
    @Test
    void a_silent_caller_ends_a_recording_with_end_of_silence() throws Exception {
        String number = "+15550007778";
        String flowId = api.post("/v1/flows", Api.json("{'name':'record until silent','actions':[{'type':'answer'},"
                + "{'type':'recording_start','option':{'end_of_silence':1}},{'type':'echo','option':{'duration':6000}},"
                + "{'type':'hangup'}]}")).body().get("id").asText();
        String numberId = api.post("/v1/numbers", Api.json("{'number':'" + number + "','call_flow_id':'" + flowId
                + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/numbers/" + numberId).status() == 200);
        try (Sipp phone = Sipp.client("uac_keys_until_bye.xml", SIP_PORT, number)) {
            assertThat(phone.exitCode()).as(phone::logs).isZero();
        }
        JsonNode call = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : api.get("/v1/calls?direction=incoming").body().get("result")) {
                if (number.equals(c.path("destination").path("target").asText())) {
                    return c;
                }
            }
            return null;
        }, c -> c != null && c.path("recording_ids").size() == 1);
        String recordingId = call.get("recording_ids").get(0).asText();
        JsonNode recording = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/v1/recordings/" + recordingId).body(), r -> "ended".equals(r.path("status").asText()));
        assertThat(recording.get("duration_ms").asLong()).isBetween(800L, 2500L);
    }

    /** Reference 6.3, incoming table: a caller that gives up while it rings ends the call normal, by remote. */
    @Test
    void a_caller_hanging_up_while_it_rings_is_normal_and_remote_and_stops_the_flow() throws Exception {
        String number = "+15550007779";
        String flowId = api.post("/v1/flows", Api.json("{'name':'never answers','actions':["
                + "{'type':'sleep','option':{'duration':20000}},{'type':'answer'}]}")).body().get("id").asText();
        String numberId = api.post("/v1/numbers", Api.json("{'number':'" + number + "','call_flow_id':'" + flowId
                + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/numbers/" + numberId).status() == 200);
        try (Sipp phone = Sipp.client("uac_cancel.xml", SIP_PORT, number)) {
            assertThat(phone.exitCode()).as(phone::logs).isZero();
        }
        JsonNode call = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : api.get("/v1/calls?direction=incoming").body().get("result")) {
                if (number.equals(c.path("destination").path("target").asText())) {
                    return c;
                }
            }
            return null;
        }, c -> c != null && "hangup".equals(c.path("status").asText()));
        assertThat(call.get("hangup_reason").asText()).isEqualTo("normal");
        assertThat(call.get("hangup_by").asText()).isEqualTo("remote");
        assertThat(call.get("tm_progressing").isNull()).isTrue();
        assertThat(eventTypes(call)).containsExactly("call_created", "call_ringing", "call_hangup");
        // each event carries the call as it was right after it (reference 1.4's data)
        JsonNode timeline = api.get("/v1/timelines/calls/" + call.get("id").asText() + "/events").body().get("result");
        assertThat(timeline.get(0).get("data").get("status").asText()).isEqualTo("dialing");
        assertThat(timeline.get(1).get("data").get("status").asText()).isEqualTo("ringing");
        assertThat(timeline.get(1).get("data").get("tm_ringing").asText()).isEqualTo(call.get("tm_ringing").asText());
        JsonNode last = timeline.get(2).get("data");
        assertThat(last.get("status").asText()).isEqualTo("hangup");
        assertThat(last.get("hangup_reason").asText()).isEqualTo("normal");
        assertThat(last.get("hangup_by").asText()).isEqualTo("remote");
        assertThat(last.get("tm_hangup").asText()).isEqualTo(call.get("tm_hangup").asText());
        assertThat(last.get("tm_update").asText()).isEqualTo(call.get("tm_update").asText());
        assertThat(last.get("source")).isEqualTo(call.get("source"));
        // a later page folds the events before it too
        JsonNode second = api.get("/v1/timelines/calls/" + call.get("id").asText() + "/events?page_size=1&page_token=1")
                .body().get("result");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("data")).isEqualTo(last);
        // the largest page token is a page after the last event, not an error
        Api.Reply beyond = api.get("/v1/timelines/calls/" + call.get("id").asText() + "/events?page_size=100"
                + "&page_token=999999999999999999");
        assertThat(beyond.status()).as(beyond.text()).isEqualTo(200);
        assertThat(beyond.body().get("result")).isEmpty();
        JsonNode activeflow = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).body(),
                a -> "ended".equals(a.path("status").asText()));
        assertThat(activeflow.get("stop_reason").asText()).isEqualTo("call_hangup");
    }

    private JsonNode dial(Sipp callee, String actions) {
        Api.Reply reply = api.post("/v1/calls", Api.json("{'source':{'type':'tel','target':'+15550003333'},"
                + "'destinations':[{'type':'sip','target':'alice@127.0.0.1:" + callee.port() + "'}],"
                + "'actions':" + actions + "}"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.body().get("calls").get(0);
    }

    private JsonNode awaitHangup(JsonNode call) {
        return await().atMost(Duration.ofSeconds(40)).until(() -> api.get("/v1/calls/" + call.get("id").asText())
                .body(), c -> "hangup".equals(c.path("status").asText()));
    }

    private JsonNode legOf(JsonNode call) {
        for (JsonNode c : api.get("/v1/calls?direction=outgoing&page_size=100").body().get("result")) {
            if (call.get("id").asText().equals(c.path("master_call_id").asText())) {
                return c;
            }
        }
        return null;
    }

    private List<String> eventTypes(JsonNode call) {
        List<String> types = new ArrayList<>();
        api.get("/v1/timelines/calls/" + call.get("id").asText() + "/events?page_size=100").body().get("result")
                .forEach(e -> types.add(e.get("event_type").asText()));
        return types;
    }
}
