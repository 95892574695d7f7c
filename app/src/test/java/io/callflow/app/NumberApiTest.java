package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class NumberApiTest extends PlatformTest {
    private static final Duration PROJECTED = Duration.ofSeconds(10);

    /** Numbers are unique across customers and the database is shared by every test: each test takes its own. */
    private static String freshNumber() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static String flow(Api as) {
        return as.post("/v1/flows", json("{'name':'inbound','actions':[{'type':'answer'}]}")).body().get("id").asText();
    }

    private static List<String> pointers(Api.Reply reply) {
        List<String> pointers = new ArrayList<>();
        reply.body().get("error").get("details").forEach(d -> pointers.add(d.get("pointer").asText()));
        return pointers;
    }

    @Test
    void a_number_is_saved_with_its_flow_and_reads_back_in_voipbins_shape() {
        String flowId = flow(api);
        String number = freshNumber();
        Api.Reply created = api.post("/v1/numbers", json("{'number':'" + number + "','call_flow_id':'" + flowId
                + "','name':'support','detail':'main line'}"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode body = created.body();
        assertThat(body.get("number").asText()).isEqualTo(number);
        assertThat(body.get("call_flow_id").asText()).isEqualTo(flowId);
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("customer_id").asText()).hasSize(36);
        assertThat(body.get("tm_create").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(body.get("tm_delete").isNull()).isTrue();
        String id = body.get("id").asText();
        await().atMost(PROJECTED).until(() -> api.get("/v1/numbers/" + id).status() == 200);
        assertThat(api.get("/v1/numbers/" + id).body()).isEqualTo(body);
        List<String> listed = new ArrayList<>();
        api.get("/v1/numbers").body().get("result").forEach(n -> listed.add(n.get("id").asText()));
        assertThat(listed).contains(id);
    }

    @Test
    void every_problem_of_a_request_comes_back_at_once_with_its_pointer_and_nothing_is_stored() {
        Api customer = otherCustomer(); // its own numbers only: other tests add numbers meanwhile
        Api.Reply reply = customer.post("/v1/numbers", json("{'number':'+0123','call_flow_id':'not-a-uuid','name':5,"
                + "'flow_id':'x'}"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("error").get("code").asText()).isEqualTo("invalid_request");
        assertThat(pointers(reply)).containsExactlyInAnyOrder("/number", "/call_flow_id", "/name", "/flow_id");
        assertThat(pointers(customer.post("/v1/numbers", json("{'name':'no number'}")))).containsExactly("/number");
        assertThat(pointers(customer.post("/v1/numbers", json("{'number':'has space'}")))).containsExactly("/number");
        assertThat(pointers(customer.post("/v1/numbers", json("{'number':'" + "a".repeat(65) + "'}"))))
                .containsExactly("/number");
        assertThat(customer.post("/v1/numbers", "{\"number\": ").status()).isEqualTo(400);
        // a valid number after the bad ones: once the projection shows it, it has seen all before it
        assertThat(customer.post("/v1/numbers", json("{'number':'+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)) + "'}")).status()).isEqualTo(200);
        await().atMost(PROJECTED).until(() -> countNumbers(customer) >= 1);
        assertThat(countNumbers(customer)).isEqualTo(1);
    }

    @Test
    void sip_user_parts_are_numbers_too() {
        String user = "desk.alice-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Api.Reply created = api.post("/v1/numbers", json("{'number':'" + user + "'}"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("call_flow_id").isNull()).isTrue();
    }

    @Test
    void a_call_flow_id_that_is_not_a_flow_of_the_customer_is_a_400_at_its_pointer_and_takes_nothing() {
        String number = freshNumber();
        String othersFlow = flow(otherCustomer());
        Api.Reply foreign = api.post("/v1/numbers", json("{'number':'" + number + "','call_flow_id':'"
                + othersFlow + "'}"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(pointers(foreign)).containsExactly("/call_flow_id");
        Api.Reply unknown = api.post("/v1/numbers", json("{'number':'" + number
                + "','call_flow_id':'6f1e0c58-3f35-4a43-8d1c-6a0b3f1e0c58'}"));
        assertThat(pointers(unknown)).containsExactly("/call_flow_id");
        String trunk = api.post("/v1/trunks", json("{'name':'t','host':'h.example.com'}")).body().get("id").asText();
        assertThat(pointers(api.post("/v1/numbers", json("{'number':'" + number + "','call_flow_id':'" + trunk
                + "'}")))).as("the id of another kind of aggregate").containsExactly("/call_flow_id");
        String deletedFlow = flow(api);
        api.delete("/v1/flows/" + deletedFlow);
        assertThat(pointers(api.post("/v1/numbers", json("{'number':'" + number + "','call_flow_id':'"
                + deletedFlow + "'}")))).containsExactly("/call_flow_id");
        // the failed requests claimed nothing
        assertThat(api.post("/v1/numbers", json("{'number':'" + number + "'}")).status()).isEqualTo(200);
    }

    @Test
    void a_number_held_by_any_customer_is_a_conflict_with_or_without_its_plus_until_it_is_deleted() {
        String number = freshNumber();
        Api other = otherCustomer();
        String id = api.post("/v1/numbers", json("{'number':'" + number + "'}")).body().get("id").asText();
        Api.Reply taken = other.post("/v1/numbers", json("{'number':'" + number + "'}"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("error").get("code").asText()).isEqualTo("conflict");
        assertThat(other.post("/v1/numbers", json("{'number':'" + number.substring(1) + "'}")).status())
                .isEqualTo(409);
        assertThat(api.post("/v1/numbers", json("{'number':'" + number + "'}")).status()).isEqualTo(409);

        Api.Reply deleted = api.delete("/v1/numbers/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("status").asText()).isEqualTo("deleted");
        assertThat(deleted.body().get("tm_delete").asText()).isNotEmpty();
        assertThat(other.post("/v1/numbers", json("{'number':'" + number + "'}")).status()).isEqualTo(200);
        await().atMost(PROJECTED).until(() -> api.get("/v1/numbers/" + id).status() == 404);
        assertThat(api.delete("/v1/numbers/" + id).status()).isEqualTo(404);
    }

    @Test
    void of_concurrent_creates_of_one_number_exactly_one_succeeds() throws Exception {
        String number = freshNumber();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Api as = i % 2 == 0 ? api : otherCustomer();
                String body = json("{'number':'" + (i % 3 == 0 ? number.substring(1) : number) + "'}");
                Callable<Integer> create = () -> {
                    start.await();
                    return as.post("/v1/numbers", body).status();
                };
                replies.add(pool.submit(create));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_update_changes_flow_name_and_detail_but_never_the_number() {
        String flowId = flow(api);
        String number = freshNumber();
        String id = api.post("/v1/numbers", json("{'number':'" + number + "','name':'before'}")).body().get("id")
                .asText();
        Api.Reply updated = api.put("/v1/numbers/" + id, json("{'call_flow_id':'" + flowId
                + "','name':'after','detail':'d'}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("call_flow_id").asText()).isEqualTo(flowId);
        assertThat(updated.body().get("name").asText()).isEqualTo("after");
        assertThat(updated.body().get("number").asText()).isEqualTo(number);
        await().atMost(PROJECTED).until(() -> "after".equals(api.get("/v1/numbers/" + id).body().path("name")
                .asText()));
        assertThat(pointers(api.put("/v1/numbers/" + id, json("{'number':'+15550000000'}"))))
                .containsExactly("/number");
        assertThat(pointers(api.put("/v1/numbers/" + id, json("{'call_flow_id':'" + flow(otherCustomer())
                + "'}")))).containsExactly("/call_flow_id");
    }

    @Test
    void another_customer_gets_404_for_every_number_it_does_not_own() {
        String id = api.post("/v1/numbers", json("{'number':'" + freshNumber() + "'}")).body().get("id").asText();
        Api other = otherCustomer();
        await().atMost(PROJECTED).until(() -> api.get("/v1/numbers/" + id).status() == 200);
        assertThat(other.get("/v1/numbers/" + id).status()).isEqualTo(404);
        // 404 before the flow is looked at: the number's existence is not revealed by a 400
        assertThat(other.put("/v1/numbers/" + id, json("{'call_flow_id':'" + flow(api) + "'}")).status())
                .isEqualTo(404);
        assertThat(other.delete("/v1/numbers/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/numbers").body().get("result")).isEmpty();
        assertThat(api.get("/v1/numbers/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void a_numbers_events_are_in_the_customers_history_and_its_chain_verifies() {
        String id = api.post("/v1/numbers", json("{'number':'" + freshNumber() + "'}")).body().get("id").asText();
        api.put("/v1/numbers/" + id, json("{'name':'renamed'}"));
        api.delete("/v1/numbers/" + id);
        List<String> types = new ArrayList<>();
        api.get("/v1/events?aggregate_id=" + id).body().get("result")
                .forEach(e -> types.add(e.get("event_type").asText()));
        assertThat(types).containsExactly("number_created", "number_updated", "number_deleted");
        assertThat(api.get("/v1/events?event_type=number_deleted&aggregate_id=" + id).body().get("result"))
                .hasSize(1);
        JsonNode verified = api.get("/v1/audit/verify?aggregate_id=" + id).body();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("verified_events").asLong()).isEqualTo(3);
    }

    @Test
    void lists_page_through_every_number_once() {
        Api customer = otherCustomer();
        for (int i = 0; i < 5; i++) {
            customer.post("/v1/numbers", json("{'number':'" + freshNumber() + "'}"));
        }
        await().atMost(PROJECTED).until(() -> countNumbers(customer) == 5);
        List<String> seen = new ArrayList<>();
        String token = "";
        while (true) {
            JsonNode page = customer.get("/v1/numbers?page_size=2&page_token=" + token).body();
            if (page.get("result").isEmpty()) {
                break;
            }
            page.get("result").forEach(n -> seen.add(n.get("id").asText()));
            token = page.get("next_page_token").asText();
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(customer.get("/v1/numbers?page_token=yesterday").status()).isEqualTo(400);
    }

    private static int countNumbers(Api as) {
        int count = 0;
        String token = "";
        while (true) {
            JsonNode page = as.get("/v1/numbers?page_size=100&page_token=" + token).body();
            if (page.get("result").isEmpty()) {
                return count;
            }
            count += page.get("result").size();
            token = page.get("next_page_token").asText();
        }
    }
}
