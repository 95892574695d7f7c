package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.media.audio.Goertzel;
import io.callflow.media.audio.Pcm;
import io.callflow.media.audio.Wav;
import io.callflow.media.sip.Sipp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A flow records its call: the recording resource appears, and its WAV holds what was played. */
class CallRecordingTest extends PlatformTest {

    @Test
    void the_recording_holds_the_tone_the_call_heard() throws Exception {
        try (Sipp callee = Sipp.server("uas_answer.xml")) {
            Api.Reply reply = api.post("/v1/calls", Api.json("{'destinations':[{'type':'sip','target':'dave@127.0.0.1:"
                    + callee.port() + "'}],'actions':[{'type':'recording_start'},"
                    + "{'type':'play','option':{'stream_urls':['tone:dtmf:5','tone:beep','tone:beep']}},"
                    + "{'type':'recording_stop'},{'type':'hangup'}]}"));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            String callId = reply.body().get("calls").get(0).get("id").asText();
            assertThat(callee.exitCode()).as(callee::logs).isZero();

            JsonNode call = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/calls/" + callId).body(),
                    c -> c.path("recording_ids").size() == 1);
            String recordingId = call.get("recording_ids").get(0).asText();
            JsonNode recording = await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/v1/recordings/" + recordingId).body(),
                            r -> "ended".equals(r.path("status").asText()));
            assertThat(recording.get("reference_type").asText()).isEqualTo("call");
            assertThat(recording.get("reference_id").asText()).isEqualTo(callId);
            assertThat(recording.get("format").asText()).isEqualTo("wav");

            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1/recordings/" + recordingId + "/file"))
                    .header("Authorization", "Bearer " + api.key()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("audio/wav");
            short[] pcm = Wav.read(file.body(), "recording.wav");
            // 100 ms of DTMF 5 and two 250 ms beeps were played: at least 0.6 s was recorded
            assertThat(pcm.length).isGreaterThanOrEqualTo(4_800);
            assertThat(frames(pcm, 1000)).as("20 ms frames of the 1000 Hz beep").isGreaterThanOrEqualTo(20);
            assertThat(frames(pcm, 770) + frames(pcm, 1336)).as("frames with DTMF 5's tones").isPositive();
            assertThat(recording.get("duration_ms").asLong()).isGreaterThanOrEqualTo(600);
        }
    }

    private static int frames(short[] pcm, int frequency) {
        int frames = 0;
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            if (Pcm.dbfs(Pcm.rms(pcm, at, 160)) > -40 && Goertzel.energyShare(pcm, at, 160, frequency, 8000) > 0.3) {
                frames++;
            }
        }
        return frames;
    }
}
