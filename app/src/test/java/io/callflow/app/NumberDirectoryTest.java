package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.number.NumberDirectory;
import io.callflow.domain.number.NumberRoute;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lookup the SIP edge makes for an incoming call, over the numbers projection. */
class NumberDirectoryTest extends PlatformTest {
    @Autowired
    NumberDirectory directory;

    @Test
    void a_dialled_number_finds_its_active_number_with_or_without_a_plus() {
        String digits = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String flowId = api.post("/v1/flows", json("{'actions':[{'type':'answer'}]}")).body().get("id").asText();
        JsonNode number = api.post("/v1/numbers", json("{'number':'+" + digits + "','call_flow_id':'" + flowId
                + "'}")).body();
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find("+" + digits).isPresent());
        NumberRoute route = directory.find("+" + digits).orElseThrow();
        assertThat(route.numberId().toString()).isEqualTo(number.get("id").asText());
        assertThat(route.customerId().toString()).isEqualTo(number.get("customer_id").asText());
        assertThat(route.number()).isEqualTo("+" + digits);
        assertThat(route.flowId().toString()).isEqualTo(flowId);
        assertThat(directory.find(digits)).contains(route);
        assertThat(directory.find(digits + "0")).isEmpty();
        assertThat(directory.find(digits.substring(1))).isEmpty();
        assertThat(directory.find("")).isEmpty();
    }

    @Test
    void a_deleted_number_routes_nowhere_and_the_next_holder_of_its_value_gets_its_calls() {
        String user = "reception-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String first = api.post("/v1/numbers", json("{'number':'" + user + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(user).isPresent());
        api.delete("/v1/numbers/" + first);
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(user).isEmpty());
        Api other = otherCustomer();
        String second = other.post("/v1/numbers", json("{'number':'" + user + "'}")).body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(user).isPresent());
        assertThat(directory.find(user).orElseThrow().numberId().toString()).isEqualTo(second);
        assertThat(directory.find(user).orElseThrow().flowId()).isNull();
    }
}
