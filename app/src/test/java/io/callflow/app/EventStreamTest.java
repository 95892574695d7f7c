package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Server-sent events: live, one customer's only, resumable with Last-Event-ID. */
class EventStreamTest extends PlatformTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopReading() {
        reader.shutdownNow();
    }

    @Test
    void the_stream_delivers_new_events_live_and_resumes_after_the_last_event_id() throws Exception {
        Api customer = otherCustomer();
        String key = customer.key();
        try (InputStream live = open(key, null)) {
            Thread.sleep(500); // the stream starts at the newest event; what follows is new
            String first = customer.post("/v1/flows", json("{'name':'first','actions':[]}")).body().get("id").asText();
            List<String> event = readEventWith(live, first);
            assertThat(event).contains("event:flow_created");
            String id = event.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).trim();

            String second = customer.post("/v1/flows", json("{'name':'second','actions':[]}")).body().get("id")
                    .asText();
            try (InputStream resumed = open(key, id)) {
                List<String> next = readEventWith(resumed, second);
                assertThat(String.join("\n", next)).doesNotContain(first);
            }
        }
        Api.Reply bad = customer.get("/v1/events/stream?last_event_id=x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/v1/events/stream?last_event_id=-1").status()).isEqualTo(400);
    }

    private InputStream open(String key, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events/stream"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return response.body();
    }

    /** The lines of the first event (up to its blank line) whose data mentions {@code text}; at most 15 s. */
    private List<String> readEventWith(InputStream stream, String text) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        Future<List<String>> found = reader.submit(() -> {
            List<String> event = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty()) {
                    event.add(line);
                    continue;
                }
                if (String.join("\n", event).contains(text)) {
                    return event;
                }
                event.clear();
            }
            throw new AssertionError("the stream ended before an event with " + text);
        });
        try {
            return found.get(15, TimeUnit.SECONDS);
        } finally {
            found.cancel(true);
        }
    }
}
