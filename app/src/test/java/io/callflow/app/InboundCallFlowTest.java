package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.media.audio.Goertzel;
import io.callflow.media.audio.Pcm;
import io.callflow.media.audio.Wav;
import io.callflow.media.sip.Baresip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real SIP phone (baresip over loopback) calls a number whose flow is
 * answer → talk → digits_receive → branch → beep → hangup. The phone hears speech,
 * its key picks the branch, the beep it hears is 1000 Hz, and the platform hangs up.
 */
class InboundCallFlowTest extends PlatformTest {
    private static final String NUMBER = "+15550001111";

    @Test
    void a_caller_hears_the_prompt_presses_a_key_hears_the_beep_and_we_hang_up() throws Exception {
        String flowId = api.post("/v1/flows", Api.json("{'name':'ivr','actions':["
                + "{'id':'00000000-0000-4000-8000-000000000001','type':'answer'},"
                + "{'type':'talk','option':{'text':'Welcome to the call flow platform. Press one.'}},"
                + "{'type':'digits_receive','option':{'duration':20000,'length':1}},"
                + "{'type':'branch','option':{'target_ids':{'1':'00000000-0000-4000-8000-000000000005'},"
                + "'default_target_id':'00000000-0000-4000-8000-000000000006'}},"
                + "{'id':'00000000-0000-4000-8000-000000000005','type':'beep'},"
                + "{'id':'00000000-0000-4000-8000-000000000006','type':'hangup'}]}")).body().get("id").asText();
        String numberId = api.post("/v1/numbers", Api.json("{'number':'" + NUMBER + "','call_flow_id':'" + flowId
                + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/numbers/" + numberId).status() == 200);

        try (Baresip phone = Baresip.start()) {
            phone.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + SIP_PORT);
            JsonNode call = await().atMost(Duration.ofSeconds(30)).until(this::ourCall, c -> c != null
                    && activeflowIsCollectingDigits(c));
            phone.command("sndcode", "1");
            JsonNode ended = await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/v1/calls/" + call.get("id").asText()).body(),
                            c -> "hangup".equals(c.get("status").asText()));
            assertThat(ended.get("direction").asText()).isEqualTo("incoming");
            assertThat(ended.get("hangup_by").asText()).isEqualTo("local");
            assertThat(ended.get("hangup_reason").asText()).isEqualTo("normal");

            JsonNode activeflow = api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).body();
            List<String> ran = new ArrayList<>();
            activeflow.get("executed_actions").forEach(a -> ran.add(a.get("type").asText()));
            assertThat(ran).containsExactly("answer", "talk", "digits_receive", "branch", "beep", "hangup");
            assertThat(activeflow.get("status").asText()).isEqualTo("ended");

            List<String> callEvents = new ArrayList<>();
            List<String> keyActors = new ArrayList<>();
            api.get("/v1/timelines/calls/" + call.get("id").asText() + "/events?page_size=100").body()
                    .get("result").forEach(e -> {
                        callEvents.add(e.get("event_type").asText());
                        if ("dtmf_received".equals(e.get("event_type").asText())) {
                            keyActors.add(e.get("actor").asText());
                        }
                    });
            // VoIPbin's event names (reference 12): each status, the key press, the finalized hangup
            assertThat(callEvents).containsExactly("call_created", "call_ringing", "call_progressing",
                    "dtmf_received", "call_terminating", "call_hangup");
            // what the caller did is recorded as caused by its SIP peer
            assertThat(keyActors).singleElement().asString().startsWith("sip:127.0.0.1:");

            short[] heard = await().atMost(Duration.ofSeconds(20)).until(() -> heard(phone), h -> h.length > 8000);
            assertThat(speechFrames(heard)).as("20 ms frames of speech heard").isGreaterThan(50);
            assertThat(frames1000Hz(heard)).as("20 ms frames of a 1000 Hz beep heard").isGreaterThanOrEqualTo(8);
        }
    }

    private JsonNode ourCall() {
        for (JsonNode call : api.get("/v1/calls?direction=incoming").body().get("result")) {
            if (NUMBER.equals(call.get("destination").get("target").asText())) {
                return call;
            }
        }
        return null;
    }

    private boolean activeflowIsCollectingDigits(JsonNode call) {
        JsonNode activeflow = api.get("/v1/activeflows/" + call.get("activeflow_id").asText()).body();
        JsonNode current = activeflow.get("current_action");
        return current != null && !current.isNull() && "digits_receive".equals(current.get("type").asText());
    }

    /** What the phone decoded from us: baresip's sndfile dump of the incoming stream. */
    private static short[] heard(Baresip phone) throws Exception {
        try (Stream<Path> files = Files.list(phone.recordings())) {
            Path decoded = files.filter(f -> f.getFileName().toString().contains("dec")).findFirst().orElse(null);
            return decoded == null || Files.size(decoded) < 1000 ? new short[0] : Wav.read(decoded);
        }
    }

    private static int speechFrames(short[] pcm) {
        int frames = 0;
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            if (Pcm.dbfs(Pcm.rms(pcm, at, 160)) > -45) {
                frames++;
            }
        }
        return frames;
    }

    private static int frames1000Hz(short[] pcm) {
        int frames = 0;
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            if (Pcm.dbfs(Pcm.rms(pcm, at, 160)) > -40 && Goertzel.energyShare(pcm, at, 160, 1000, 8000) > 0.8) {
                frames++;
            }
        }
        return frames;
    }
}
