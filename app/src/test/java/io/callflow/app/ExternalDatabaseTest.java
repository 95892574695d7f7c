package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With {@code spring.datasource.url} set, the platform uses that PostgreSQL and starts none of its own. */
class ExternalDatabaseTest {

    @Test
    void a_configured_datasource_replaces_the_embedded_database() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-db-");
        // a SIP port of its own: 5060 may be taken by another platform on the same machine
        int sipPort = FreePorts.udpAndTcp();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on").start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CallflowApplication.class).run(
                     "--server.port=0", "--callflow.data-dir=" + dataDir, "--callflow.sip.port=" + sipPort,
                     "--callflow.rtp.port-min=" + (sipPort + 2), "--callflow.rtp.port-max=" + (sipPort + 40),
                     "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api("http://127.0.0.1:" + port, Files.readString(dataDir.resolve("admin-api-key")).trim());
            String id = api.post("/v1/flows", json("{'name':'elsewhere','actions':[]}")).body().get("id").asText();
            Integer stored = new JdbcTemplate(external.getPostgresDatabase()).queryForObject(
                    "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class, id);
            assertThat(stored).isEqualTo(1);
        }
    }
}
