package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard page in a real headless Chromium against the running platform. */
class DashboardPageTest extends PlatformTest {
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @Test
    void the_dashboard_shows_counts_and_draws_an_activeflows_timeline_path_and_replay() throws Exception {
        String flowId = api.post("/v1/flows", json("{'name':'greeting','actions':["
                + "{'type':'variable_set','option':{'key':'greeting','value':'hello'}},"
                + "{'type':'branch','option':{'variable':'greeting','target_ids':{'hello':"
                + "'d0000000-0000-4000-8000-000000000003'}}},"
                + "{'type':'talk','option':{'text':'never'}},"
                + "{'id':'d0000000-0000-4000-8000-000000000003','type':'sleep','option':{'duration':100}},"
                + "{'type':'empty'}]}")).body().get("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "'}")).body().get("id").asText());
        }
        String waiting = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':600000}}]}"))
                .body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> "ended".equals(
                api.get("/v1/activeflows/" + id).body().path("status").asText())));
        String watched = ids.get(0);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            browser.open("http://127.0.0.1:" + port + "/dashboard");
            browser.type("#api-key", api.key());
            browser.click("#connect");

            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#flow-counts tbody").contains("greeting"));
            String flowRow = browser.text("#flow-counts tbody tr[data-flow='" + flowId + "']");
            assertThat(flowRow).contains("greeting").contains("finished");
            assertThat(browser.text("#status-counts")).contains("ended").contains("running");
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#running tbody").contains("sleep"));
            assertThat(browser.text("#running tbody tr[data-activeflow='" + waiting + "']")).contains("sleep");
            // the live calls panel shows what GET /v1/calls answers, or says calls are not available
            if (api.get("/v1/calls?status=progressing&page_size=50").status() == 200) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !browser.text("#calls").startsWith("calls:"));
            } else {
                assertThat(browser.text("#calls")).isEqualTo("calls: not available");
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> browser.script(
                    "return document.querySelector(\"tr[data-activeflow='" + watched + "']\") !== null;").asBoolean());
            browser.click("tr[data-activeflow='" + watched + "']");
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#timeline tbody").contains("activeflow_stopped"));
            String timeline = browser.text("#timeline tbody");
            assertThat(timeline).contains("activeflow_created").contains("action_started").contains("timer_fired");
            assertThat(browser.script("return document.querySelectorAll('#timeline tbody tr').length;").asInt())
                    .isEqualTo(api.get("/v1/timelines/activeflows/" + watched + "/events?page_size=100").body()
                            .get("result").size());
            // the path: five actions drawn, the talk that the branch jumped over not executed
            assertThat(browser.script("return document.querySelectorAll('#path li').length;").asInt()).isEqualTo(5);
            assertThat(browser.script("return Array.from(document.querySelectorAll('#path li.executed strong'))"
                    + ".map(e => e.textContent).join(',');").asText())
                    .isEqualTo("variable_set,branch,sleep,empty");

            browser.click("#replay");
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#replay-result").contains("divergence"));
            assertThat(browser.text("#replay-verdict")).startsWith("no divergence");

            // live: what happens after the page opened arrives through the event stream and updates the page
            api.post("/v1/activeflows/" + waiting + "/stop", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#stream").contains("activeflow_stopped"));
            api.post("/v1/activeflows", json("{'flow_id':'" + flowId + "'}"));
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#flow-counts tbody tr[data-flow='"
                    + flowId + "'] td.completed").equals("4"));

            String sleeping = api.post("/v1/activeflows", json("{'actions':[{'type':'sleep','option':{'duration':600000}}]}"))
                    .body().get("id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.text("#running tbody").contains("sleep"));
            browser.script("window.scrollTo(0, 0); return true;");
            browser.screenshot(SCREENSHOT);
            api.post("/v1/activeflows/" + sleeping + "/stop", null);
        }
        assertThat(SCREENSHOT).isNotEmptyFile();
    }
}
