package io.callflow.media.mixer;

import static io.callflow.media.mixer.Audio.share;
import static io.callflow.media.mixer.Audio.trimmed;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.callflow.media.audio.Tones;
import io.callflow.media.audio.Wav;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlPlaybackTest {
    private MixerFixture mixer;
    private HttpServer server;
    private final TestLeg alice = new TestLeg();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        Path wav = dir.resolve("beep.wav");
        Wav.write(wav, Tones.beep(0), 8_000);
        byte[] beep = Files.readAllBytes(wav);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/beep.wav")) {
                exchange.getResponseHeaders().add("Content-Type", "audio/wav");
                exchange.sendResponseHeaders(200, beep.length);
                exchange.getResponseBody().write(beep);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        mixer = new MixerFixture();
        mixer.core.addLeg("alice", alice);
        mixer.applied();
    }

    @AfterEach
    void stop() {
        mixer.close();
        server.stop(0);
    }

    @Test
    void a_wav_fetched_over_http_is_played() throws Exception {
        int mark = alice.framesSent();

        String outcome = play("/beep.wav");

        assertThat(outcome).isEqualTo("FINISHED");
        mixer.applied();
        short[] heard = trimmed(alice.heardSince(mark));
        assertThat(heard.length).isBetween(1_900, 2_000);
        assertThat(share(heard, 1000)).isGreaterThan(0.98);
    }

    @Test
    void a_url_answering_404_fails_the_playback() throws Exception {
        assertThat(play("/missing.wav")).isEqualTo("FAILED: GET " + url("/missing.wav") + " answered 404");
    }

    private String play(String path) throws Exception {
        CompletableFuture<String> ended = new CompletableFuture<>();
        mixer.core.play("alice", List.of(new AudioSource.Url(url(path))),
                (outcome, detail) -> ended.complete(detail == null ? outcome.name() : outcome + ": " + detail));
        return ended.get(20, TimeUnit.SECONDS);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
