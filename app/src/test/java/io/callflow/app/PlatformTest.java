package io.callflow.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on a real embedded PostgreSQL in a fresh directory, over
 * real HTTP with the admin key made at first start. One context serves every
 * test class that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlatformTest {
    protected static final Path DATA_DIR = freshDirectory();
    /** The platform's SIP port: free when the context starts, on loopback only. */
    protected static final int SIP_PORT = FreePorts.udpAndTcp();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("callflow.data-dir", DATA_DIR::toString);
        registry.add("callflow.http.signing-secret", () -> "test-signing-secret");
        registry.add("callflow.sip.port", () -> SIP_PORT);
        registry.add("callflow.rtp.port-min", () -> SIP_PORT + 2);
        registry.add("callflow.rtp.port-max", () -> SIP_PORT + 400);
        registry.add("callflow.calls.ring-timeout", () -> "4s");
    }

    @BeforeEach
    void connect() throws IOException {
        api = new Api("http://127.0.0.1:" + port, adminKey());
    }

    protected static String adminKey() throws IOException {
        return Files.readString(DATA_DIR.resolve("admin-api-key")).trim();
    }

    /** A second customer with its own key, to show one customer never sees another's resources. */
    protected Api otherCustomer() {
        String customer = api.post("/v1/customers", Api.json("{'name':'other'}")).body().get("id").asText();
        String key = api.post("/v1/accesskeys", Api.json("{'customer_id':'" + customer + "','name':'k'}"))
                .body().get("token").asText();
        return api.withKey(key);
    }

    private static Path freshDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "platform-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
