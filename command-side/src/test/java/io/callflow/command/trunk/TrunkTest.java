package io.callflow.command.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.trunk.CreateTrunk;
import io.callflow.domain.trunk.DeleteTrunk;
import io.callflow.domain.trunk.TrunkCreated;
import io.callflow.domain.trunk.TrunkDeleted;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkSecrets;
import io.callflow.domain.trunk.TrunkTransport;
import io.callflow.domain.trunk.TrunkUpdated;
import io.callflow.domain.trunk.UpdateTrunk;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrunkTest {
    private static final TrunkId TRUNK = new TrunkId(UUID.randomUUID());
    private static final CustomerId OWNER = new CustomerId(UUID.randomUUID());
    private static final CustomerId STRANGER = new CustomerId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    /** Secrets in memory, with the table's contract: "" removes. */
    private final Map<TrunkId, String> stored = new HashMap<>();
    private final TrunkSecrets secrets = new TrunkSecrets() {
        @Override
        public Optional<String> password(TrunkId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public void put(TrunkId id, String password) {
            if (password.isEmpty()) {
                stored.remove(id);
            } else {
                stored.put(id, password);
            }
        }

        @Override
        public void remove(TrunkId id) {
            stored.remove(id);
        }
    };

    private AggregateTestFixture<Trunk> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trunk.class);
        fixture.registerAnnotatedCommandHandler(new TrunkCommandHandler(fixture.getRepository(), secrets));
    }

    private static TrunkCreated created() {
        return new TrunkCreated(TRUNK, OWNER, "carrier", "sip.example.com", 5060, TrunkTransport.UDP, "acme", true,
                T0);
    }

    private static UpdateTrunk update(CustomerId caller, String host, String password) {
        return new UpdateTrunk(TRUNK, caller, "carrier", host, 5060, TrunkTransport.UDP, "acme", password, T1);
    }

    @Test
    void creating_a_trunk_stores_its_password_apart_from_its_event() {
        fixture.givenNoPriorActivity()
                .when(new CreateTrunk(TRUNK, OWNER, "carrier", "sip.example.com", 5060, TrunkTransport.UDP, "acme",
                        "secret", T0))
                .expectEvents(created());
        assertThat(stored).containsEntry(TRUNK, "secret");
    }

    @Test
    void an_update_without_a_password_keeps_the_stored_one() {
        stored.put(TRUNK, "secret");
        fixture.given(created())
                .when(update(OWNER, "sip2.example.com", null))
                .expectEvents(new TrunkUpdated(TRUNK, OWNER, "carrier", "sip2.example.com", 5060, TrunkTransport.UDP,
                        "acme", true, false, T1));
        assertThat(stored).containsEntry(TRUNK, "secret");
    }

    @Test
    void a_new_password_alone_is_an_update_that_records_the_change_but_not_the_value() {
        stored.put(TRUNK, "secret");
        fixture.given(created())
                .when(update(OWNER, "sip.example.com", "another"))
                .expectEvents(new TrunkUpdated(TRUNK, OWNER, "carrier", "sip.example.com", 5060, TrunkTransport.UDP,
                        "acme", true, true, T1));
        assertThat(stored).containsEntry(TRUNK, "another");
    }

    @Test
    void an_empty_password_removes_it() {
        stored.put(TRUNK, "secret");
        fixture.given(created())
                .when(update(OWNER, "sip.example.com", ""))
                .expectEvents(new TrunkUpdated(TRUNK, OWNER, "carrier", "sip.example.com", 5060, TrunkTransport.UDP,
                        "acme", false, true, T1));
        assertThat(stored).doesNotContainKey(TRUNK);
    }

    @Test
    void an_update_that_changes_nothing_records_nothing() {
        stored.put(TRUNK, "secret");
        fixture.given(created())
                .when(update(OWNER, "sip.example.com", "secret"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void another_customer_cannot_update_the_trunk_or_touch_its_password() {
        stored.put(TRUNK, "secret");
        fixture.given(created())
                .when(update(STRANGER, "evil.example.com", "stolen"))
                .expectException(NotFound.class)
                .expectNoEvents();
        assertThat(stored).containsEntry(TRUNK, "secret");
    }

    @Test
    void deleting_a_trunk_erases_its_password_and_a_second_delete_is_not_found() {
        stored.put(TRUNK, "secret");
        fixture.given(created())
                .when(new DeleteTrunk(TRUNK, OWNER, T1))
                .expectEvents(new TrunkDeleted(TRUNK, OWNER, T1));
        assertThat(stored).isEmpty();
        fixture.given(created(), new TrunkDeleted(TRUNK, OWNER, T1))
                .when(new DeleteTrunk(TRUNK, OWNER, T1))
                .expectException(NotFound.class);
    }
}
