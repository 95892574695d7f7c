package io.callflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for the platform's API, as a user would call it. */
public final class Api {
    /** A response: status and body parsed as JSON (null when empty). */
    public record Reply(int status, JsonNode body, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    public Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public String key() {
        return key;
    }

    public Api withKey(String otherKey) {
        return new Api(base, otherKey);
    }

    public Reply get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = null;
            if (text != null && !text.isBlank()) {
                try {
                    json = Json.mapper().readTree(text);
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Reply(response.statusCode(), json, text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Single quotes for readability in tests. */
    public static String json(String text) {
        return text.replace('\'', '"');
    }
}
