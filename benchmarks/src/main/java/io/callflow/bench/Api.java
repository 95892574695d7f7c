package io.callflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The platform's HTTP API over loopback, for the set-up and checks around a SIP load (never inside the timing). */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    JsonNode post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    /** Sends a request; anything but 2xx is an error naming the status and body. */
    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Status of a GET without failing on 4xx (for waiting until a resource is readable). */
    int status(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Creates a flow and a number that runs it, and waits (at most 20 s) until the number is
     * readable, which is when the SIP edge finds it.
     */
    void number(String number, String actionsJson) throws IOException, InterruptedException {
        String flowId = post("/v1/flows", "{\"name\":\"bench-" + number + "\",\"actions\":" + actionsJson + "}")
                .get("id").asText();
        String numberId = post("/v1/numbers", "{\"number\":\"" + number + "\",\"call_flow_id\":\"" + flowId + "\"}")
                .get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (status("/v1/numbers/" + numberId) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IOException("number " + number + " not readable after 20 s");
            }
            Thread.sleep(50);
        }
    }

    /** How many calls are in a status now (the list's first page of up to 100 is enough to tell none from some). */
    int calls(String status) throws IOException, InterruptedException {
        JsonNode list = get("/v1/calls?status=" + status + "&page_size=100");
        JsonNode result = list.get("result");
        return result == null ? 0 : result.size();
    }
}
