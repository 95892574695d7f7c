package io.callflow.app;

import static io.callflow.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The event store's hash chains, checked by the audit endpoints against rows changed behind the platform's back. */
class AuditTest extends PlatformTest {
    private static final String GREETING_FLOW = "{'variables':{'name':'Ada'},'actions':["
            + "{'type':'variable_set','option':{'key':'greeting','value':'hi ${name}'}},"
            + "{'type':'talk','option':{'text':'${greeting}'}}]}";

    @Autowired
    DataSource dataSource;

    private JdbcTemplate sql;

    @BeforeEach
    void database() {
        sql = new JdbcTemplate(dataSource);
    }

    private static String ended(Api as, String body) {
        String id = as.post("/v1/activeflows", json(body)).body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> "ended".equals(
                as.get("/v1/activeflows/" + id).body().path("status").asText()));
        return id;
    }

    private long eventCount(String aggregateId) {
        return sql.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    @Test
    void every_appended_event_is_hashed_over_its_predecessors_hash_and_its_stored_bytes_as_documented()
            throws Exception {
        Api customer = otherCustomer();
        String id = ended(customer, GREETING_FLOW);
        String customerId = customer.get("/v1/activeflows/" + id).body().get("customer_id").asText();

        List<Map<String, Object>> rows = sql.queryForList("SELECT sequencenumber, payloadtype, payload, metadata, hash,"
                + " customer_id::text AS customer_id, occurred_at FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", id);
        assertThat(rows).hasSizeGreaterThan(3);
        byte[] previous = null;
        for (Map<String, Object> row : rows) {
            byte[] expected = hash(previous, id, (Long) row.get("sequencenumber"), (String) row.get("payloadtype"),
                    (byte[]) row.get("payload"), (byte[]) row.get("metadata"));
            assertThat(HexFormat.of().formatHex((byte[]) row.get("hash"))).as("sequence " + row.get("sequencenumber"))
                    .isEqualTo(HexFormat.of().formatHex(expected));
            assertThat(row.get("customer_id")).isEqualTo(customerId);
            assertThat(row.get("occurred_at")).isNotNull();
            previous = expected;
        }
    }

    @Test
    void every_stored_events_customer_and_time_are_those_its_payload_names() {
        ended(otherCustomer(), GREETING_FLOW);
        api.post("/v1/flows", json("{'name':'f','actions':[{'type':'answer'}]}"));
        // what the application wrote with each event against what the trigger reads out of the stored payload
        Map<String, Object> tally = sql.queryForMap("SELECT count(*) AS events, count(*) FILTER (WHERE"
                + " customer_id IS DISTINCT FROM event_customer_id(convert_from(payload, 'UTF8')::jsonb)"
                + " OR occurred_at IS DISTINCT FROM event_time(convert_from(payload, 'UTF8')::jsonb, timestamp))"
                + " AS differing, count(*) FILTER (WHERE customer_id IS NULL) AS without_customer FROM domainevententry");
        assertThat((Long) tally.get("events")).isGreaterThan(10);
        assertThat(tally.get("differing")).isEqualTo(0L);
        assertThat(tally.get("without_customer")).isEqualTo(0L);
    }

    @Test
    void an_event_appended_without_its_customer_and_time_gets_them_from_its_payload() {
        String aggregate = java.util.UUID.randomUUID().toString();
        String customer = java.util.UUID.randomUUID().toString();
        sql.update("INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,"
                        + " payloadtype, payload) VALUES (?, ?, 0, 'Hand', '2026-01-01T00:00:00Z', 'hand.Made', ?)",
                java.util.UUID.randomUUID().toString(), aggregate, ("{\"customer_id\":\"" + customer
                        + "\",\"at\":\"2026-01-02T03:04:05.1234567Z\"}").getBytes(StandardCharsets.UTF_8));
        try {
            Map<String, Object> row = sql.queryForMap("SELECT customer_id::text AS customer_id, occurred_at = "
                    + "'2026-01-02T03:04:05.123456Z'::timestamptz AS at_cut, hash IS NOT NULL AS hashed"
                    + " FROM domainevententry WHERE aggregateidentifier = ?", aggregate);
            assertThat(row).containsEntry("customer_id", customer).containsEntry("at_cut", true)
                    .containsEntry("hashed", true);
        } finally {
            sql.update("DELETE FROM domainevententry WHERE aggregateidentifier = ?", aggregate);
        }
    }

    @Test
    void an_untouched_aggregate_verifies_with_every_event_counted() {
        String id = ended(api, GREETING_FLOW);
        JsonNode verified = api.get("/v1/audit/verify?aggregate_id=" + id).body();
        assertThat(verified.get("aggregate_id").asText()).isEqualTo(id);
        assertThat(verified.get("verified_events").asLong()).isEqualTo(eventCount(id));
        assertThat(verified.get("first_mismatch").isNull()).isTrue();
        assertThat(verified.get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_stored_payload_edited_with_sql_is_found_at_that_event_and_the_other_chains_still_verify() {
        Api customer = otherCustomer();
        String flowId = customer.post("/v1/flows", json("{'actions':[{'type':'empty'}]}")).body().get("id").asText();
        String untouched = ended(customer, GREETING_FLOW);
        String tampered = ended(customer, GREETING_FLOW);
        Map<String, Object> target = greeting(tampered);
        long sequence = (Long) target.get("sequencenumber");

        // one stored byte changes: the greeting's 'A' becomes 'E', and the payload is still valid JSON
        int at = new String((byte[]) target.get("payload"), StandardCharsets.UTF_8).indexOf("hi Ada") + 3;
        sql.update("UPDATE domainevententry SET payload = set_byte(payload, ?, ascii('E')) WHERE globalindex = ?",
                at, target.get("globalindex"));
        try {
            JsonNode verified = customer.get("/v1/audit/verify?aggregate_id=" + tampered).body();
            assertThat(verified.get("ok").asBoolean()).isFalse();
            assertThat(verified.get("verified_events").asLong()).isEqualTo(eventCount(tampered));
            JsonNode mismatch = verified.get("first_mismatch");
            assertThat(mismatch.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(mismatch.get("global_index").asLong()).isEqualTo((Long) target.get("globalindex"));
            assertThat(mismatch.get("stored_hash").asText()).hasSize(64)
                    .isNotEqualTo(mismatch.get("computed_hash").asText());

            assertThat(customer.get("/v1/audit/verify?aggregate_id=" + untouched).body().get("ok").asBoolean())
                    .isTrue();
            assertThat(customer.get("/v1/audit/verify?aggregate_id=" + flowId).body().get("ok").asBoolean()).isTrue();

            JsonNode all = customer.get("/v1/audit/verify").body();
            assertThat(all.get("ok").asBoolean()).isFalse();
            assertThat(all.get("verified_aggregates").asLong()).isEqualTo(3);
            assertThat(all.get("verified_events").asLong())
                    .isEqualTo(eventCount(flowId) + eventCount(untouched) + eventCount(tampered));
            assertThat(all.get("mismatched_aggregates").asLong()).isEqualTo(1);
            assertThat(all.get("mismatches")).hasSize(1);
            assertThat(all.get("mismatches").get(0)).isEqualTo(verified);
        } finally {
            // other test classes share this database and replay its events
            sql.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", target.get("payload"),
                    target.get("globalindex"));
        }
        assertThat(customer.get("/v1/audit/verify?aggregate_id=" + tampered).body().get("ok").asBoolean()).isTrue();
    }

    @Test
    void an_edited_event_whose_hash_was_recomputed_breaks_the_chain_at_the_next_event() {
        String id = ended(api, GREETING_FLOW);
        Map<String, Object> target = greeting(id);
        // a careful forger also rewrites the edited event's own hash; its successor still names the old one
        sql.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'hi Ada',"
                + " 'hi Eve'), 'UTF8') WHERE globalindex = ?", target.get("globalindex"));
        sql.update("UPDATE domainevententry e SET hash = event_hash(p.hash, e.aggregateidentifier, e.sequencenumber,"
                + " e.payloadtype, e.payload, e.metadata) FROM domainevententry p"
                + " WHERE e.globalindex = ? AND p.aggregateidentifier = e.aggregateidentifier"
                + " AND p.sequencenumber = e.sequencenumber - 1", target.get("globalindex"));
        try {
            JsonNode verified = api.get("/v1/audit/verify?aggregate_id=" + id).body();
            assertThat(verified.get("ok").asBoolean()).isFalse();
            assertThat(verified.get("first_mismatch").get("sequence").asLong())
                    .isEqualTo((Long) target.get("sequencenumber") + 1);
        } finally {
            sql.update("UPDATE domainevententry SET payload = ?, hash = ? WHERE globalindex = ?", target.get("payload"),
                    target.get("hash"), target.get("globalindex"));
        }
        assertThat(api.get("/v1/audit/verify?aggregate_id=" + id).body().get("ok").asBoolean()).isTrue();
    }

    /** The event of GREETING_FLOW that set the greeting, in the middle of its activeflow's history. */
    private Map<String, Object> greeting(String activeflowId) {
        Map<String, Object> event = sql.queryForMap("SELECT sequencenumber, globalindex, payload, hash"
                + " FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%.VariablesSet'"
                + " AND convert_from(payload, 'UTF8') LIKE '%hi Ada%'", activeflowId);
        assertThat((Long) event.get("sequencenumber")).isPositive().isLessThan(eventCount(activeflowId) - 1);
        return event;
    }

    @Test
    void only_the_callers_own_aggregates_can_be_verified() {
        String mine = ended(api, GREETING_FLOW);
        Api other = otherCustomer();
        assertThat(other.get("/v1/audit/verify?aggregate_id=" + mine).status()).isEqualTo(404);
        assertThat(other.get("/v1/audit/verify?aggregate_id=6c1d2b8e-0000-4000-8000-00000000dead").status())
                .isEqualTo(404);
        Api.Reply malformed = other.get("/v1/audit/verify?aggregate_id=abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("/aggregate_id");

        JsonNode nothing = other.get("/v1/audit/verify").body();
        assertThat(nothing.get("ok").asBoolean()).isTrue();
        assertThat(nothing.get("verified_aggregates").asLong()).isZero();
        assertThat(nothing.get("verified_events").asLong()).isZero();
        assertThat(nothing.get("mismatches")).isEmpty();
    }

    /** The layout V6__event_hash_chain.sql documents, computed independently of the database. */
    private static byte[] hash(byte[] previous, String aggregateId, long sequence, String payloadType, byte[] payload,
                               byte[] metadata) throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(previous == null ? new byte[32] : previous);
        sha256.update(ByteBuffer.allocate(8).putLong(sequence).array());
        lengthPrefixed(sha256, aggregateId.getBytes(StandardCharsets.UTF_8));
        lengthPrefixed(sha256, payloadType.getBytes(StandardCharsets.UTF_8));
        lengthPrefixed(sha256, payload);
        if (metadata == null) {
            sha256.update(ByteBuffer.allocate(4).putInt(-1).array());
        } else {
            lengthPrefixed(sha256, metadata);
        }
        return sha256.digest();
    }

    private static void lengthPrefixed(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
