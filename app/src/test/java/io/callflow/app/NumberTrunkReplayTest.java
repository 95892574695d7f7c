package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callflow.app.axon.ProjectionRebuild;
import io.callflow.projection.NumberProjection;
import io.callflow.projection.TrunkProjection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The numbers and trunks read models rebuild from the events to the same rows; the claims and secrets stay. */
class NumberTrunkReplayTest extends PlatformTest {
    private static final List<String> TABLES = List.of("numbers", "trunks", "number_claims", "trunk_secrets");

    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    DataSource dataSource;

    @Test
    void rebuilt_numbers_and_trunks_have_the_same_rows_as_before() throws Exception {
        String flowId = api.post("/v1/flows", json("{'actions':[{'type':'answer'}]}")).body().get("id").asText();
        String kept = api.post("/v1/numbers", json("{'number':'+1666" + ThreadLocalRandom.current()
                .nextInt(1_000_000, 10_000_000) + "','name':'kept'}")).body().get("id").asText();
        api.put("/v1/numbers/" + kept, json("{'call_flow_id':'" + flowId + "','name':'renamed'}"));
        String gone = api.post("/v1/numbers", json("{'number':'gone-" + ThreadLocalRandom.current().nextInt()
                + "'}")).body().get("id").asText();
        api.delete("/v1/numbers/" + gone);
        String trunk = api.post("/v1/trunks", json("{'name':'t','host':'sip.example.com','password':'p'}")).body()
                .get("id").asText();
        api.put("/v1/trunks/" + trunk, json("{'name':'t2','host':'sip.example.com','port':5070}"));

        JdbcTemplate sql = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/numbers/" + gone).status() == 404
                && api.get("/v1/trunks/" + trunk).body().path("port").asInt() == 5070
                && "renamed".equals(api.get("/v1/numbers/" + kept).body().path("name").asText()));
        String before = TableSnapshot.of(sql, TABLES);
        sql.update("UPDATE numbers SET name = 'damaged'");
        sql.update("DELETE FROM trunks");
        assertThat(TableSnapshot.of(sql, TABLES)).isNotEqualTo(before);

        rebuild.rebuild(NumberProjection.GROUP, Duration.ofSeconds(60));
        rebuild.rebuild(TrunkProjection.GROUP, Duration.ofSeconds(60));

        assertThat(TableSnapshot.of(sql, TABLES)).isEqualTo(before);
    }
}
