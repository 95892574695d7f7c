package io.callflow.command.number;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.number.CreateNumber;
import io.callflow.domain.number.DeleteNumber;
import io.callflow.domain.number.NumberClaims;
import io.callflow.domain.number.NumberCreated;
import io.callflow.domain.number.NumberDeleted;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberUpdated;
import io.callflow.domain.number.UpdateNumber;
import io.callflow.engine.effects.FlowSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NumberTest {
    private static final NumberId NUMBER = new NumberId(UUID.randomUUID());
    private static final CustomerId OWNER = new CustomerId(UUID.randomUUID());
    private static final CustomerId STRANGER = new CustomerId(UUID.randomUUID());
    private static final FlowId OWNERS_FLOW = new FlowId(UUID.randomUUID());
    private static final FlowId STRANGERS_FLOW = new FlowId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    /** Claims in memory, with the same contract as the table: one holder per key. */
    private final Map<String, NumberId> held = new HashMap<>();
    private final NumberClaims claims = new NumberClaims() {
        @Override
        public boolean claim(String key, NumberId id) {
            return held.putIfAbsent(key, id) == null;
        }

        @Override
        public void release(String key, NumberId id) {
            held.remove(key, id);
        }
    };
    private final FlowSource flows = (flowId, customer) -> flowId.equals(OWNERS_FLOW) && customer.equals(OWNER)
            ? Optional.of(JsonNodeFactory.instance.arrayNode()) : Optional.empty();

    private AggregateTestFixture<Number> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Number.class);
        fixture.registerAnnotatedCommandHandler(new NumberCommandHandler(fixture.getRepository(), claims, flows));
    }

    private static NumberCreated created() {
        return new NumberCreated(NUMBER, OWNER, "+15551234567", OWNERS_FLOW, "support", "", T0);
    }

    @Test
    void taking_a_free_number_claims_it_and_creates_the_number() {
        fixture.givenNoPriorActivity()
                .when(new CreateNumber(NUMBER, OWNER, "+15551234567", OWNERS_FLOW, "support", "", T0))
                .expectEvents(created());
        assertThat(held).containsEntry("15551234567", NUMBER);
    }

    @Test
    void a_number_another_number_holds_is_a_conflict_with_or_without_its_plus() {
        held.put("15551234567", new NumberId(UUID.randomUUID()));
        fixture.givenNoPriorActivity()
                .when(new CreateNumber(NUMBER, OWNER, "15551234567", null, "", "", T0))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void a_flow_of_another_customer_is_a_bad_request_and_claims_nothing() {
        fixture.givenNoPriorActivity()
                .when(new CreateNumber(NUMBER, OWNER, "+15551234567", STRANGERS_FLOW, "", "", T0))
                .expectException(BadRequest.class)
                .expectNoEvents();
        assertThat(held).isEmpty();
    }

    @Test
    void an_update_records_the_new_flow_name_and_detail() {
        fixture.given(created())
                .when(new UpdateNumber(NUMBER, OWNER, null, "sales", "d", T1))
                .expectEvents(new NumberUpdated(NUMBER, OWNER, null, "sales", "d", T1));
    }

    @Test
    void an_update_that_changes_nothing_records_nothing() {
        fixture.given(created())
                .when(new UpdateNumber(NUMBER, OWNER, OWNERS_FLOW, "support", "", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_update_to_a_flow_the_customer_does_not_own_is_a_bad_request() {
        fixture.given(created())
                .when(new UpdateNumber(NUMBER, OWNER, STRANGERS_FLOW, "support", "", T1))
                .expectException(BadRequest.class)
                .expectNoEvents();
    }

    @Test
    void deleting_frees_the_number_for_anyone() {
        held.put("15551234567", NUMBER);
        fixture.given(created())
                .when(new DeleteNumber(NUMBER, OWNER, T1))
                .expectEvents(new NumberDeleted(NUMBER, OWNER, "+15551234567", T1));
        assertThat(held).isEmpty();
    }

    @Test
    void another_customer_cannot_see_update_or_delete_the_number() {
        fixture.given(created())
                .when(new UpdateNumber(NUMBER, STRANGER, null, "x", "", T1))
                .expectException(NotFound.class)
                .expectNoEvents();
        fixture.given(created())
                .when(new DeleteNumber(NUMBER, STRANGER, T1))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_deleted_number_is_not_found_and_keeps_its_claim_released() {
        fixture.given(created(), new NumberDeleted(NUMBER, OWNER, "+15551234567", T1))
                .when(new DeleteNumber(NUMBER, OWNER, T1))
                .expectException(NotFound.class)
                .expectNoEvents();
        assertThat(held).isEmpty();
    }
}
