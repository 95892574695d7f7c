package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callflow.app.axon.ProjectionRebuild;
import io.callflow.projection.ActiveflowProjection;
import io.callflow.projection.FlowProjection;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Resetting a projection and replaying the event store gives back exactly the same rows. */
class ProjectionReplayTest extends PlatformTest {
    private static final List<String> TABLES = List.of("flows", "flow_versions", "activeflows", "activeflow_actions",
            "activeflow_variables");

    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    DataSource dataSource;

    @Test
    void a_rebuilt_projection_has_the_same_rows_as_before() throws Exception {
        String flowId = api.post("/v1/flows", json("{'name':'replay','actions':[{'type':'variable_set','option':"
                + "{'key':'a','value':'${x}1'}},{'type':'branch','option':{'variable':'a','target_ids':{'21':"
                + "'6c1d2b8e-0000-4000-8000-000000000003'}}},{'type':'empty'},"
                + "{'id':'6c1d2b8e-0000-4000-8000-000000000003','type':'talk','option':{'text':'never'}}]}"))
                .body().get("id").asText();
        api.put("/v1/flows/" + flowId, json("{'name':'replay v2','actions':[{'type':'variable_set','option':"
                + "{'key':'a','value':'${x}1'}},{'type':'talk','option':{'text':'skipped'}}]}"));
        for (int i = 0; i < 5; i++) {
            api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "','variables':{'x':'" + i + "'}}"));
        }
        String stopped = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':60000}}]}"))
                .body().get("id").asText();
        api.post("/v1/activeflows/" + stopped + "/stop", null);
        api.delete("/v1/flows/" + api.post("/v1/flows", json("{'actions':[]}")).body().get("id").asText());

        JdbcTemplate sql = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ended".equals(
                api.get("/v1/activeflows/" + stopped).body().path("status").asText()));
        String before = TableSnapshot.of(sql, TABLES);
        assertThat(before).contains("replay v2").contains("skipped");
        // damage the read side, so only a real rebuild from the events can give the rows back
        sql.update("UPDATE flows SET name = 'damaged'");
        sql.update("DELETE FROM activeflow_variables");
        assertThat(TableSnapshot.of(sql, TABLES)).isNotEqualTo(before);

        rebuild.rebuild(FlowProjection.GROUP, Duration.ofSeconds(60));
        rebuild.rebuild(ActiveflowProjection.GROUP, Duration.ofSeconds(60));

        assertThat(TableSnapshot.of(sql, TABLES)).isEqualTo(before);
    }
}
