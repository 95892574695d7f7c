package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventsApiTest extends PlatformTest {

    /** One customer's history: a flow saved twice, an activeflow of its second version, one of inline actions. */
    private record History(Api api, String key, String flowId, String fromFlow, String inline) {
        Set<String> aggregates() {
            return Set.of(flowId, fromFlow, inline);
        }
    }

    private History history() {
        // like otherCustomer(), keeping the key: the export is read with a plain HTTP client
        String customerId = api.post("/v1/customers", json("{'name':'audited'}")).body().get("id").asText();
        String key = api.post("/v1/accesskeys", json("{'customer_id':'" + customerId + "','name':'k'}"))
                .body().get("token").asText();
        Api customer = api.withKey(key);
        String flowId = customer.post("/v1/flows", json("{'name':'audited','actions':[{'type':'empty'}]}"))
                .body().get("id").asText();
        customer.put("/v1/flows/" + flowId, json("{'name':'audited','actions':["
                + "{'type':'variable_set','option':{'key':'who','value':'${name}'}},{'type':'empty'}]}"));
        String fromFlow = customer.post("/v1/activeflows",
                        json("{'flow_id':'" + flowId + "','variables':{'name':'Ada'}}"))
                .body().get("id").asText();
        String inline = customer.post("/v1/activeflows", json("{'actions':[{'type':'talk','option':{'text':'hi'}}]}"))
                .body().get("id").asText();
        // flow_version comes from the activeflows read model, which follows within milliseconds
        for (String id : List.of(fromFlow, inline)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> "ended".equals(
                    customer.get("/v1/activeflows/" + id).body().path("status").asText()));
        }
        return new History(customer, key, flowId, fromFlow, inline);
    }

    /** Every page of a history query, followed by its next_page_token until a page is empty. */
    private static List<JsonNode> all(Api as, String query, int pageSize) {
        List<JsonNode> events = new ArrayList<>();
        String token = "";
        while (true) {
            JsonNode page = as.get("/v1/events?page_size=" + pageSize + "&page_token=" + token + query).body();
            if (page.get("result").isEmpty()) {
                assertThat(page.get("next_page_token").asText()).isEmpty();
                return events;
            }
            page.get("result").forEach(events::add);
            token = page.get("next_page_token").asText();
        }
    }

    private static List<Long> reversed(List<Long> list) {
        List<Long> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static List<Long> globalIndexes(List<JsonNode> events) {
        return events.stream().map(e -> e.get("global_index").asLong()).toList();
    }

    private static int timelineSize(Api as, String resource, String id) {
        return as.get("/v1/timelines/" + resource + "/" + id + "/events?page_size=100").body().get("result").size();
    }

    @Test
    void a_customers_history_is_every_event_of_its_aggregates_in_store_order_with_who_caused_it() {
        History h = history();
        List<JsonNode> events = all(h.api(), "", 100);

        assertThat(events).hasSize(timelineSize(h.api(), "flows", h.flowId())
                + timelineSize(h.api(), "activeflows", h.fromFlow())
                + timelineSize(h.api(), "activeflows", h.inline()));
        assertThat(events.stream().map(e -> e.get("aggregate_id").asText()).collect(Collectors.toSet()))
                .isEqualTo(h.aggregates());
        assertThat(globalIndexes(events)).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(0).get("event_type").asText()).isEqualTo("flow_created");
        for (JsonNode event : events) {
            assertThat(event.get("actor").asText()).as(event.toString()).startsWith("accesskey:");
            assertThat(event.get("correlation_id").asText()).as(event.toString()).isNotBlank();
            assertThat(event.get("causation_id").asText()).as(event.toString()).isNotBlank();
            assertThat(event.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(event.get("payload").get("customer_id").asText()).isNotBlank();
            String aggregate = event.get("aggregate_id").asText();
            JsonNode flowVersion = event.get("flow_version");
            if (aggregate.equals(h.fromFlow())) {
                assertThat(flowVersion.asInt()).as(event.toString()).isEqualTo(2);
            } else {
                assertThat(flowVersion.isNull()).as(event.toString()).isTrue();
            }
        }
    }

    @Test
    void the_history_narrows_to_one_aggregate_one_event_type_and_a_time_range() {
        History h = history();
        List<JsonNode> events = all(h.api(), "", 100);

        List<JsonNode> one = all(h.api(), "&aggregate_id=" + h.fromFlow(), 100);
        assertThat(one).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("aggregate_id").asText()).isEqualTo(h.fromFlow()));
        assertThat(one.stream().map(e -> e.get("sequence").asLong()).toList())
                .isEqualTo(LongStream.range(0, one.size()).boxed().toList());

        List<JsonNode> started = all(h.api(), "&event_type=action_started", 100);
        assertThat(globalIndexes(started)).isEqualTo(globalIndexes(events.stream()
                .filter(e -> e.get("event_type").asText().equals("action_started")).toList()));
        assertThat(started).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all(h.api(), "&event_type=flow_updated&aggregate_id=" + h.flowId(), 100)).hasSize(1);

        // a range [from, to) selects by the timestamp each event shows
        String middle = events.get(events.size() / 2).get("timestamp").asText();
        String last = events.get(events.size() - 1).get("timestamp").asText();
        assertThat(globalIndexes(all(h.api(), "&from=" + middle, 100))).isEqualTo(globalIndexes(events.stream()
                .filter(e -> e.get("timestamp").asText().compareTo(middle) >= 0).toList()));
        assertThat(globalIndexes(all(h.api(), "&to=" + middle, 100))).isEqualTo(globalIndexes(events.stream()
                .filter(e -> e.get("timestamp").asText().compareTo(middle) < 0).toList()));
        assertThat(globalIndexes(all(h.api(), "&from=" + middle + "&to=" + last, 100)))
                .isEqualTo(globalIndexes(events.stream().filter(e -> e.get("timestamp").asText().compareTo(middle) >= 0
                        && e.get("timestamp").asText().compareTo(last) < 0).toList()));
    }

    @Test
    void newest_first_is_the_same_history_reversed_and_small_pages_neither_skip_nor_repeat() {
        History h = history();
        List<Long> oldestFirst = globalIndexes(all(h.api(), "", 100));

        assertThat(globalIndexes(all(h.api(), "&order=asc", 3))).isEqualTo(oldestFirst);
        List<Long> newestFirst = globalIndexes(all(h.api(), "&order=desc", 3));
        assertThat(newestFirst).isEqualTo(reversed(oldestFirst));
        assertThat(h.api().get("/v1/events?order=desc&page_size=1").body().get("result").get(0)
                .get("global_index").asLong()).isEqualTo(oldestFirst.get(oldestFirst.size() - 1));
    }

    @Test
    void another_customers_events_are_invisible() {
        History h = history();
        List<JsonNode> mine = all(api, "", 100);
        assertThat(mine).noneMatch(e -> h.aggregates().contains(e.get("aggregate_id").asText()));
        assertThat(all(api, "&aggregate_id=" + h.fromFlow(), 100)).isEmpty();
        assertThat(all(h.api(), "", 100)).allMatch(e -> h.aggregates().contains(e.get("aggregate_id").asText()));
        assertThat(export(adminKeyUnchecked(), "?aggregate_id=" + h.fromFlow()).body()).isEmpty();
    }

    @Test
    void every_bad_parameter_is_a_400_with_its_pointer() {
        Api.Reply reply = api.get("/v1/events?aggregate_id=abc&event_type=no_such_event&from=yesterday"
                + "&to=2026-13-01T00:00:00Z&order=sideways");
        assertThat(reply.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        reply.body().get("error").get("details").forEach(d -> pointers.add(d.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/aggregate_id", "/event_type", "/from", "/to", "/order");

        Api.Reply backwards = api.get("/v1/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("/to");
        assertThat(api.get("/v1/events?page_token=x").text()).contains("/page_token");
        assertThat(export(adminKeyUnchecked(), "?event_type=nope").status()).isEqualTo(400);
    }

    @Test
    void the_export_streams_the_same_events_as_ndjson_one_object_per_line() {
        History h = history();
        // a long-running activeflow, so the export reads more rows than one database fetch
        h.api().post("/v1/activeflows", json("{'actions':["
                + "{'id':'6c1d2b8e-0000-4000-8000-0000000000a1','type':'variable_set',"
                + "'option':{'key':'n','value':'${n}x'}},"
                + "{'type':'goto','option':{'target_id':'6c1d2b8e-0000-4000-8000-0000000000a1','loop_count':200}}]}"));
        List<JsonNode> events = all(h.api(), "", 100);
        assertThat(events).hasSizeGreaterThan(1000);

        Exported export = export(h.key(), "");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.body()).hasSize(events.size());
        assertThat(globalIndexes(export.body())).isEqualTo(globalIndexes(events));
        assertThat(export.body().get(0)).isEqualTo(events.get(0));

        Exported newestStarted = export(h.key(), "?event_type=action_started&order=desc");
        assertThat(globalIndexes(newestStarted.body())).isEqualTo(reversed(globalIndexes(events.stream()
                .filter(e -> e.get("event_type").asText().equals("action_started")).toList())));
    }

    private static String adminKeyUnchecked() {
        try {
            return adminKey();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Exported(int status, String contentType, List<JsonNode> body) {
    }

    /** The export read line by line as it arrives; every line must be one JSON object. */
    private Exported export(String key, String query) {
        URI export = URI.create("http://127.0.0.1:" + port + "/v1/events/export" + query);
        HttpRequest request = HttpRequest.newBuilder(export)
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            List<JsonNode> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    return new Exported(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                            List.of());
                }
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    JsonNode event = Json.mapper().readTree(line);
                    assertThat(event.isObject()).as(line).isTrue();
                    lines.add(event);
                }
            }
            return new Exported(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), lines);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
