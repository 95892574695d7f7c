package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A projection rebuilt into shadow tables and swapped in: the same rows, and the query API answers throughout. */
class ProjectionRebuildTest extends PlatformTest {
    private static final List<String> TABLES = List.of("flows", "flow_versions", "activeflows", "activeflow_actions",
            "activeflow_variables");
    private static final String REBUILD = "/v1/admin/projections/activeflows/rebuild";

    @Autowired
    DataSource dataSource;

    /** A flow, a changed version, activeflows that ran to their end and one stopped through the API. */
    private String history() {
        String flowId = api.post("/v1/flows", json("{'name':'rebuild','actions':[{'type':'variable_set','option':"
                + "{'key':'a','value':'${x}1'}},{'type':'branch','option':{'variable':'a','target_ids':{'21':"
                + "'6c1d2b8e-0000-4000-8000-000000000003'}}},{'type':'empty'},"
                + "{'id':'6c1d2b8e-0000-4000-8000-000000000003','type':'talk','option':{'text':'never'}}]}"))
                .body().get("id").asText();
        api.put("/v1/flows/" + flowId, json("{'name':'rebuild v2','actions':[{'type':'variable_set','option':"
                + "{'key':'a','value':'${x}1'}},{'type':'sleep','option':{'duration':50}}]}"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "','variables':{'x':'" + i + "'}}"))
                    .body().get("id").asText());
        }
        String stopped = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':60000}}]}"))
                .body().get("id").asText();
        api.post("/v1/activeflows/" + stopped + "/stop", null);
        ids.add(stopped);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> "ended".equals(
                api.get("/v1/activeflows/" + id).body().path("status").asText())));
        return flowId;
    }

    @Test
    void a_rebuild_swaps_in_the_same_rows_while_the_activeflow_list_keeps_answering() throws Exception {
        String flowId = history();
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        String before = TableSnapshot.of(sql, TABLES);
        List<String> indexesBefore = indexes(sql);
        List<String> answered = new ArrayList<>();
        String late;

        // hold the rebuild at its start: it waits for this lock on its shadow table while readers carry on
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS projection_rebuild");
            statement.execute("CREATE TABLE IF NOT EXISTS projection_rebuild.activeflows (held int)");
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE projection_rebuild.activeflows IN ACCESS EXCLUSIVE MODE");

            Api.Reply started = api.post(REBUILD, null);
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.body().get("rebuild_id").asText()).isNotBlank();
            assertThat(api.post(REBUILD, null).status()).isEqualTo(409);

            for (int i = 0; i < 5; i++) {
                JsonNode progress = api.get(REBUILD).body();
                assertThat(progress.get("status").asText()).isEqualTo("building");
                Api.Reply list = api.get("/v1/activeflows?page_size=100&flow_id=" + flowId);
                answered.add(list.status() + ":" + list.body().get("result").size());
            }
            // an activeflow that starts during the rebuild is in the swapped tables too
            late = api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "','variables':{'x':'late'}}"))
                    .body().get("id").asText();
            holder.rollback();
        }

        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(REBUILD).body(),
                progress -> progress.get("status").asText().matches("done|failed"));
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("events_done").asLong()).isPositive().isEqualTo(done.get("events_total").asLong());
        assertThat(done.get("eta_seconds").asLong()).isZero();
        assertThat(answered).containsOnly("200:20");

        await().atMost(Duration.ofSeconds(30)).until(() -> "ended".equals(
                api.get("/v1/activeflows/" + late).body().path("status").asText()));
        assertThat(api.get("/v1/activeflows?page_size=100&flow_id=" + flowId).body().get("result")).hasSize(21);
        String after = TableSnapshot.of(sql, TABLES);
        assertThat(after).startsWith(before.substring(0, before.indexOf("activeflows\n")));
        assertThat(rowsOf(after, "activeflows")).hasSize(rowsOf(before, "activeflows").size() + 1);
        assertThat(rowsOf(after, "activeflows")).containsAll(rowsOf(before, "activeflows"));
        assertThat(rowsOf(after, "activeflow_variables")).containsAll(rowsOf(before, "activeflow_variables"));
        assertThat(rowsOf(after, "activeflow_actions")).containsAll(rowsOf(before, "activeflow_actions"));
        assertThat(indexes(sql)).isEqualTo(indexesBefore);
    }

    @Test
    void rows_after_a_rebuild_with_nothing_running_equal_the_rows_before() {
        history();
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        String before = TableSnapshot.of(sql, TABLES);

        for (String projection : List.of("flows", "activeflows")) {
            String path = "/v1/admin/projections/" + projection + "/rebuild";
            assertThat(api.post(path, null).status()).isEqualTo(202);
            JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get(path).body(),
                    progress -> progress.get("status").asText().matches("done|failed"));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        }

        assertThat(TableSnapshot.of(sql, TABLES)).isEqualTo(before);
    }

    @Test
    void only_an_admin_key_may_rebuild_and_only_projections_that_exist() {
        Api other = otherCustomer();
        assertThat(other.post(REBUILD, null).status()).isEqualTo(404);
        assertThat(other.get(REBUILD).status()).isEqualTo(404);
        assertThat(api.post("/v1/admin/projections/no_such/rebuild", null).status()).isEqualTo(404);
    }

    private static List<String> rowsOf(String snapshot, String table) {
        String[] lines = snapshot.split("\n");
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (TABLES.contains(line)) {
                in = line.equals(table);
            } else if (in) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static List<String> indexes(JdbcTemplate sql) {
        return sql.queryForList("SELECT tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
                + " AND tablename LIKE 'activeflow%' ORDER BY 1", String.class);
    }
}
