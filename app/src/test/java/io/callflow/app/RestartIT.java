package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, killed with SIGKILL while an activeflow sleeps: after a restart
 * the flow wakes at the right time, and every acknowledged command survived.
 */
class RestartIT {
    /** Generous: a loaded 2-core machine has taken over 2 minutes to start the jar. */
    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy();
            running.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_sleeping_activeflow_resumes_on_time_after_kill_9_and_restart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-it-");
        int port = freePort();
        running = start(dataDir, port, "first");
        Api api = new Api("http://127.0.0.1:" + port, Files.readString(dataDir.resolve("admin-api-key")).trim());

        String flowId = api.post("/v1/flows", json("{'name':'wake','actions':[{'type':'sleep','option':{'duration':6000}},"
                + "{'type':'variable_set','option':{'key':'woke','value':'yes'}}]}")).body().get("id").asText();
        Instant started = Instant.now();
        JsonNode activeflow = api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "'}")).body();
        assertThat(activeflow.get("status").asText()).isEqualTo("running");
        String id = activeflow.get("id").asText();

        running.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
        running.waitFor(30, TimeUnit.SECONDS);

        running = start(dataDir, port, "second");
        assertThat(api.get("/v1/flows/" + flowId).status()).isEqualTo(200);
        JsonNode woke = waitUntilEnded(api, id, Duration.ofSeconds(40));
        Instant ended = Instant.now();
        assertThat(woke.get("variables").get("woke").asText()).isEqualTo("yes");
        assertThat(Duration.between(started, ended)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        JsonNode timeline = api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").body();
        assertThat(timeline.toString()).contains("timer_fired");

        running.destroy(); // SIGTERM: a clean stop, the database included
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        running = start(dataDir, port, "third");
        assertThat(api.get("/v1/activeflows/" + id).body().get("variables").get("woke").asText()).isEqualTo("yes");
        assertThat(api.get("/v1/timelines/activeflows/" + id + "/events?page_size=100").body())
                .isEqualTo(timeline);
    }

    private static JsonNode waitUntilEnded(Api api, String id, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Api.Reply reply = api.get("/v1/activeflows/" + id);
            if (reply.status() == 200 && "ended".equals(reply.body().path("status").asText())) {
                return reply.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("activeflow " + id + " did not end within " + limit);
    }

    private static Process start(Path dataDir, int port, String name) throws IOException, InterruptedException {
        String jar = System.getProperty("callflow.jar", "target/callflow-platform.jar");
        Path log = dataDir.resolve(name + ".log");
        int sip = FreePorts.udpAndTcp(); // not 5060: the machine may have another user agent there
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--server.port=" + port, "--callflow.data-dir=" + dataDir,
                "--callflow.sip.port=" + sip, "--callflow.rtp.port-min=" + (sip + 2),
                "--callflow.rtp.port-max=" + (sip + 100)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the platform exited at start:\n" + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("Started CallflowApplication")
                    && Files.exists(dataDir.resolve("admin-api-key"))) {
                Thread.sleep(500); // the first start writes the admin key just after "Started"
                return process;
            }
            Thread.sleep(250);
        }
        // not yet ours to stop in stop(): leave nothing running (SIGTERM first, so it stops its database too)
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        throw new AssertionError("the platform did not start within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
