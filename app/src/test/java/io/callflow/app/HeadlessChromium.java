package io.callflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.common.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Debian's {@code chromium} driven through {@code chromedriver}'s W3C WebDriver HTTP API, with nothing but
 * {@code java.net.http}: a fresh profile, headless, no network of its own beyond what the page asks for.
 * Missing binaries are a failure, not a skip: CI installs them ({@code .ci/run}).
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final Path profile;
    private final String base;
    private final String session;

    HeadlessChromium() throws IOException, InterruptedException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is not installed: the dashboard test needs Debian's chromium and"
                        + " chromium-driver packages (apt-get install chromium chromium-driver; .ci/run does this)");
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        profile = Files.createTempDirectory("chromium-profile-");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        awaitDriver();
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("binary", CHROMIUM.toString());
        options.putArray("args").add("--headless").add("--no-sandbox").add("--disable-gpu").add("--disable-quic")
                .add("--no-first-run").add("--disable-background-networking").add("--disable-component-update")
                .add("--disable-sync").add("--window-size=1400,1300").add("--user-data-dir=" + profile);
        ObjectNode capabilities = JsonNodeFactory.instance.objectNode();
        ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        always.set("goog:chromeOptions", options);
        session = send("POST", "/session", capabilities).get("sessionId").asText();
    }

    void open(String url) {
        command("POST", "/url", JsonNodeFactory.instance.objectNode().put("url", url));
    }

    /** The first element matching a CSS selector; fails when there is none. */
    String find(String css) {
        JsonNode found = command("POST", "/element", JsonNodeFactory.instance.objectNode()
                .put("using", "css selector").put("value", css));
        return found.get(ELEMENT).asText();
    }

    void type(String css, String text) {
        command("POST", "/element/" + find(css) + "/value", JsonNodeFactory.instance.objectNode().put("text", text));
    }

    void click(String css) {
        command("POST", "/element/" + find(css) + "/click", JsonNodeFactory.instance.objectNode());
    }

    /** Runs a script in the page; {@code return} gives the value back. */
    JsonNode script(String body) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("script", body);
        request.putArray("args");
        return command("POST", "/execute/sync", request);
    }

    String text(String css) {
        return script("const e = document.querySelector(" + Json.mapper().valueToTree(css) + ");"
                + " return e ? e.innerText : null;").asText("");
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(command("GET", "/screenshot", null).asText()));
    }

    private JsonNode command(String method, String path, JsonNode body) {
        return send(method, "/session/" + session + path, body);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode value = Json.mapper().readTree(response.body()).get("value");
            if (response.statusCode() != 200) {
                throw new AssertionError("webdriver " + method + " " + path + ": " + response.statusCode() + " "
                        + value);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("webdriver " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitDriver() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        driver.destroy();
        throw new AssertionError("chromedriver did not answer on " + base);
    }

    @Override
    public void close() throws IOException {
        try {
            send("DELETE", "/session/" + session, null);
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
