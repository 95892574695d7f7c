package io.callflow.command.flow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callflow.domain.action.Action;
import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.flow.CreateFlow;
import io.callflow.domain.flow.DeleteFlow;
import io.callflow.domain.flow.FlowCreated;
import io.callflow.domain.flow.FlowDeleted;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowType;
import io.callflow.domain.flow.FlowUpdated;
import io.callflow.domain.flow.UpdateFlow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowTest {
    private static final FlowId FLOW = new FlowId(UUID.randomUUID());
    private static final CustomerId OWNER = new CustomerId(UUID.randomUUID());
    private static final CustomerId STRANGER = new CustomerId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final List<Action> V1 = List.of(action("empty"));
    private static final List<Action> V2 = List.of(action("empty"), action("stop"));

    private AggregateTestFixture<Flow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Flow.class);
    }

    private static Action action(String type) {
        return new Action(UUID.randomUUID(), null, type, JsonNodeFactory.instance.objectNode());
    }

    private static FlowCreated created() {
        return new FlowCreated(FLOW, OWNER, 1, FlowType.FLOW, "ivr", "", V1, null, T0);
    }

    @Test
    void creating_a_flow_saves_version_one() {
        fixture.givenNoPriorActivity()
                .when(new CreateFlow(FLOW, OWNER, FlowType.FLOW, "ivr", "", V1, null, T0))
                .expectEvents(created());
    }

    @Test
    void each_update_makes_the_next_version() {
        fixture.given(created())
                .when(new UpdateFlow(FLOW, OWNER, null, FlowType.FLOW, "ivr2", "d", V2, null, T1))
                .expectEvents(new FlowUpdated(FLOW, OWNER, 2, FlowType.FLOW, "ivr2", "d", V2, null, T1));
    }

    @Test
    void an_update_against_a_stale_version_is_a_conflict_and_stores_nothing() {
        fixture.given(created(), new FlowUpdated(FLOW, OWNER, 2, FlowType.FLOW, "ivr2", "", V2, null, T1))
                .when(new UpdateFlow(FLOW, OWNER, 1, FlowType.FLOW, "ivr3", "", V1, null, T1))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void an_update_naming_the_current_version_succeeds() {
        fixture.given(created())
                .when(new UpdateFlow(FLOW, OWNER, 1, FlowType.FLOW, "ivr", "", V2, null, T1))
                .expectEvents(new FlowUpdated(FLOW, OWNER, 2, FlowType.FLOW, "ivr", "", V2, null, T1));
    }

    @Test
    void another_customer_cannot_see_update_or_delete_the_flow() {
        fixture.given(created())
                .when(new UpdateFlow(FLOW, STRANGER, null, FlowType.FLOW, "x", "", V2, null, T1))
                .expectException(NotFound.class)
                .expectNoEvents();
        new AggregateTestFixture<>(Flow.class).given(created())
                .when(new DeleteFlow(FLOW, STRANGER, T1))
                .expectException(NotFound.class);
    }

    @Test
    void deleting_a_flow_keeps_its_history_and_hides_it() {
        fixture.given(created())
                .when(new DeleteFlow(FLOW, OWNER, T1))
                .expectEvents(new FlowDeleted(FLOW, OWNER, 1, T1));
    }

    @Test
    void a_deleted_flow_cannot_be_updated() {
        fixture.given(created(), new FlowDeleted(FLOW, OWNER, 1, T1))
                .when(new UpdateFlow(FLOW, OWNER, null, FlowType.FLOW, "x", "", V2, null, T1))
                .expectException(NotFound.class);
    }
}
