package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.trunk.TrunkDirectory;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkRoute;
import io.callflow.domain.trunk.TrunkTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TrunkApiTest extends PlatformTest {
    private static final Duration PROJECTED = Duration.ofSeconds(10);
    private static final String SECRET = "s3cret-Passw0rd";

    @Autowired
    TrunkDirectory trunks;

    private static List<String> pointers(Api.Reply reply) {
        List<String> pointers = new ArrayList<>();
        reply.body().get("error").get("details").forEach(d -> pointers.add(d.get("pointer").asText()));
        return pointers;
    }

    private Optional<TrunkRoute> route(JsonNode trunk) {
        return trunks.find(CustomerId.of(trunk.get("customer_id").asText()), TrunkId.of(trunk.get("id").asText()));
    }

    @Test
    void a_trunk_gets_port_5060_and_udp_by_default_and_no_answer_shows_its_password() {
        Api.Reply created = api.post("/v1/trunks", json("{'name':'carrier','host':'sip.example.com',"
                + "'username':'acme','password':'" + SECRET + "'}"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode trunk = created.body();
        assertThat(trunk.get("port").asInt()).isEqualTo(5060);
        assertThat(trunk.get("transport").asText()).isEqualTo("udp");
        assertThat(trunk.get("username").asText()).isEqualTo("acme");
        assertThat(trunk.has("password")).isFalse();
        String id = trunk.get("id").asText();
        await().atMost(PROJECTED).until(() -> api.get("/v1/trunks/" + id).status() == 200);
        assertThat(api.get("/v1/trunks/" + id).body()).isEqualTo(trunk);
        assertThat(api.get("/v1/trunks").text()).contains(id).doesNotContain(SECRET);
        assertThat(created.text()).doesNotContain(SECRET);
    }

    @Test
    void the_password_is_in_no_event_and_the_sip_edge_still_gets_it() {
        JsonNode trunk = api.post("/v1/trunks", json("{'name':'edge','host':'10.0.0.7','port':5080,"
                + "'transport':'tcp','username':'u','password':'" + SECRET + "'}")).body();
        String id = trunk.get("id").asText();
        api.put("/v1/trunks/" + id, json("{'name':'edge','host':'10.0.0.7','port':5080,'transport':'tcp',"
                + "'username':'u','password':'" + SECRET + "-2'}"));
        Api.Reply events = api.get("/v1/events?aggregate_id=" + id);
        assertThat(events.text()).doesNotContain(SECRET);
        List<String> types = new ArrayList<>();
        events.body().get("result").forEach(e -> types.add(e.get("event_type").asText()));
        assertThat(types).containsExactly("trunk_created", "trunk_updated");
        assertThat(events.body().get("result").get(1).get("payload").get("password_changed").asBoolean()).isTrue();
        assertThat(api.get("/v1/audit/verify?aggregate_id=" + id).body().get("ok").asBoolean()).isTrue();

        await().atMost(PROJECTED).until(() -> route(trunk).isPresent());
        TrunkRoute route = route(trunk).orElseThrow();
        assertThat(route.host()).isEqualTo("10.0.0.7");
        assertThat(route.port()).isEqualTo(5080);
        assertThat(route.transport()).isEqualTo(TrunkTransport.TCP);
        assertThat(route.password()).isEqualTo(SECRET + "-2");
        assertThat(route.toString()).doesNotContain(SECRET);
    }

    @Test
    void an_update_without_a_password_keeps_it_and_an_empty_one_removes_it() {
        JsonNode trunk = api.post("/v1/trunks", json("{'name':'keep','host':'pbx.local','password':'" + SECRET
                + "'}")).body();
        String id = trunk.get("id").asText();
        Api.Reply renamed = api.put("/v1/trunks/" + id, json("{'name':'kept','host':'pbx.local'}"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("name").asText()).isEqualTo("kept");
        await().atMost(PROJECTED).until(() -> route(trunk).map(r -> r.name().equals("kept")).orElse(false));
        assertThat(route(trunk).orElseThrow().password()).isEqualTo(SECRET);

        api.put("/v1/trunks/" + id, json("{'name':'kept','host':'pbx.local','password':''}"));
        assertThat(route(trunk).orElseThrow().password()).isEmpty();
    }

    @Test
    void every_problem_of_a_request_comes_back_at_once_with_its_pointer_and_nothing_is_stored() {
        int before = api.get("/v1/trunks?page_size=100").body().get("result").size();
        Api.Reply reply = api.post("/v1/trunks", json("{'name':'','host':'bad host!','port':70000,"
                + "'transport':'sctp','username':7,'secret':'x'}"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(pointers(reply)).containsExactlyInAnyOrder("/name", "/host", "/port", "/transport", "/username",
                "/secret");
        assertThat(pointers(api.post("/v1/trunks", json("{}")))).containsExactlyInAnyOrder("/name", "/host");
        assertThat(pointers(api.post("/v1/trunks", json("{'name':'n','host':'h','port':0}"))))
                .containsExactly("/port");
        assertThat(pointers(api.post("/v1/trunks", json("{'name':'n','host':'h','port':'5060'}"))))
                .containsExactly("/port");
        for (String host : List.of("999.1.1.1", "-a.example.com", "a..b", "1.2.3", "fe80::1::2", "::g")) {
            assertThat(pointers(api.post("/v1/trunks", json("{'name':'n','host':'" + host + "'}"))))
                    .as(host).containsExactly("/host");
        }
        assertThat(api.get("/v1/trunks?page_size=100").body().get("result").size()).isEqualTo(before);
        for (String host : List.of("192.0.2.10", "2001:db8::5", "::ffff:192.0.2.1", "sip-1.example.com")) {
            assertThat(api.post("/v1/trunks", json("{'name':'n','host':'" + host + "'}")).status()).as(host)
                    .isEqualTo(200);
        }
    }

    @Test
    void a_deleted_trunk_is_gone_from_reads_and_from_the_directory_with_its_password() {
        JsonNode trunk = api.post("/v1/trunks", json("{'name':'old','host':'old.example.com','password':'p'}"))
                .body();
        String id = trunk.get("id").asText();
        await().atMost(PROJECTED).until(() -> route(trunk).isPresent());
        Api.Reply deleted = api.delete("/v1/trunks/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("tm_delete").asText()).isNotEmpty();
        await().atMost(PROJECTED).until(() -> api.get("/v1/trunks/" + id).status() == 404);
        assertThat(route(trunk)).isEmpty();
        assertThat(trunks.forCustomer(CustomerId.of(trunk.get("customer_id").asText())))
                .noneMatch(r -> r.id().toString().equals(id));
        assertThat(api.delete("/v1/trunks/" + id).status()).isEqualTo(404);
        assertThat(api.put("/v1/trunks/" + id, json("{'name':'x','host':'h'}")).status()).isEqualTo(404);
    }

    @Test
    void another_customer_gets_404_for_every_trunk_it_does_not_own_and_sees_none_in_its_directory() {
        JsonNode trunk = api.post("/v1/trunks", json("{'name':'mine','host':'h.example.com','password':'p'}"))
                .body();
        String id = trunk.get("id").asText();
        Api other = otherCustomer();
        await().atMost(PROJECTED).until(() -> api.get("/v1/trunks/" + id).status() == 200);
        assertThat(other.get("/v1/trunks/" + id).status()).isEqualTo(404);
        assertThat(other.put("/v1/trunks/" + id, json("{'name':'x','host':'h','password':'stolen'}")).status())
                .isEqualTo(404);
        assertThat(other.delete("/v1/trunks/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v1/trunks").body().get("result")).isEmpty();
        assertThat(route(trunk).orElseThrow().password()).isEqualTo("p");
        String otherCustomer = other.post("/v1/trunks", json("{'name':'theirs','host':'t.example.com'}")).body()
                .get("customer_id").asText();
        assertThat(trunks.find(CustomerId.of(otherCustomer), TrunkId.of(id))).isEmpty();
    }
}
