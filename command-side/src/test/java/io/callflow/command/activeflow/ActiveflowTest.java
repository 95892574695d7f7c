package io.callflow.command.activeflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionOutcome;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.DeleteActiveflow;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.RecordEffectResponse;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.activeflow.StopActiveflow;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.TimerFired;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.Interpreter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command path of the Activeflow aggregate, on Axon's fixture with a real interpreter. */
class ActiveflowTest {
    private static final ActiveflowId ID = new ActiveflowId(UUID.randomUUID());
    private static final CustomerId OWNER = new CustomerId(UUID.randomUUID());
    private static final CustomerId STRANGER = new CustomerId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Action SLEEP = new Action(UUID.randomUUID(), null, "sleep",
            JsonNodeFactory.instance.objectNode().put("duration", 2000));
    private static final Action FETCH = new Action(UUID.randomUUID(), null, "fetch_flow",
            JsonNodeFactory.instance.objectNode().put("flow_id", UUID.randomUUID().toString()));
    private static final Action EMPTY = new Action(UUID.randomUUID(), null, "empty",
            JsonNodeFactory.instance.objectNode());

    private AggregateTestFixture<Activeflow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activeflow.class);
        fixture.registerInjectableResource(new Interpreter(ExecutionLimits.DEFAULT));
        fixture.registerInjectableResource(Clock.fixed(T0.plusSeconds(2), ZoneOffset.UTC));
    }

    private static ActiveflowCreated created(List<Action> actions) {
        return new ActiveflowCreated(ID, OWNER, null, null, actions, ReferenceType.API, null, null, null, 0,
                Map.of(), T0);
    }

    private static Map<String, String> reservedVariables() {
        return Map.of("voipbin.activeflow.id", ID.toString(), "voipbin.activeflow.reference_type", "api",
                "voipbin.activeflow.reference_id", "", "voipbin.activeflow.reference_activeflow_id", "",
                "voipbin.activeflow.flow_id", "", "voipbin.activeflow.complete_count", "0");
    }

    private static StartActiveflow start(List<Action> actions) {
        return new StartActiveflow(ID, OWNER, null, actions, ReferenceType.API, null, null, 0, Map.of(), T0);
    }

    private static ActionStarted started(long step, Action action) {
        return new ActionStarted(ID, OWNER, step, io.callflow.domain.action.ReservedIds.MAIN_STACK, action, T0);
    }

    @Test
    void starting_runs_until_the_sleep_and_schedules_its_persisted_timer() {
        fixture.registerAnnotatedCommandHandler(new ActiveflowStarter(null, fixture.getRepository()));
        fixture.givenNoPriorActivity()
                .when(start(List.of(SLEEP, EMPTY)))
                .expectEvents(new ActiveflowCreated(ID, OWNER, null, null, List.of(SLEEP, EMPTY), ReferenceType.API,
                                null, null, null, 0, reservedVariables(), T0),
                        started(1, SLEEP), new TimerStarted(ID, OWNER, 1, SLEEP.id(), T0.plusSeconds(2), T0))
                .expectScheduledDeadlineOfType(T0.plusSeconds(2), TimerDue.class);
    }

    @Test
    void a_sleeping_activeflow_wakes_when_its_persisted_timer_fires_and_runs_on() {
        fixture.registerAnnotatedCommandHandler(new ActiveflowStarter(null, fixture.getRepository()));
        fixture.givenCommands(start(List.of(SLEEP, EMPTY)))
                .whenTimeElapses(Duration.ofSeconds(2))
                .expectTriggeredDeadlinesOfType(TimerDue.class)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(TimerFired.class),
                                org.hamcrest.Matchers.instanceOf(ActionFinished.class),
                                org.hamcrest.Matchers.instanceOf(ActionStarted.class),
                                org.hamcrest.Matchers.instanceOf(ActionFinished.class),
                                org.hamcrest.Matchers.instanceOf(ActiveflowStopped.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void stopping_ends_the_flow_and_cancels_its_timer() {
        fixture.given(created(List.of(SLEEP)), started(1, SLEEP),
                        new TimerStarted(ID, OWNER, 1, SLEEP.id(), T0.plusSeconds(2), T0))
                .when(new StopActiveflow(ID, OWNER, T0.plusSeconds(1)))
                .expectEvents(new ActiveflowStopped(ID, OWNER, StopReason.STOPPED, "stopped through the API", null,
                        null, T0.plusSeconds(1), ReferenceType.API, null));
    }

    @Test
    void stopping_an_ended_activeflow_changes_nothing() {
        fixture.given(created(List.of()), new ActiveflowStopped(ID, OWNER, StopReason.FINISHED, null, null, null, T0, ReferenceType.API, null))
                .when(new StopActiveflow(ID, OWNER, T0.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void another_customer_cannot_stop_or_delete_it() {
        fixture.given(created(List.of(SLEEP)), started(1, SLEEP))
                .when(new StopActiveflow(ID, STRANGER, T0))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void deleting_a_running_activeflow_stops_it_first() {
        fixture.given(created(List.of(SLEEP)), started(1, SLEEP))
                .when(new DeleteActiveflow(ID, OWNER, T0))
                .expectEvents(new ActiveflowStopped(ID, OWNER, StopReason.DELETED, "deleted while running", null,
                                null, T0, ReferenceType.API, null),
                        new ActiveflowDeleted(ID, OWNER, T0));
    }

    @Test
    void a_deleted_activeflow_is_not_found() {
        fixture.given(created(List.of()), new ActiveflowStopped(ID, OWNER, StopReason.FINISHED, null, null, null, T0, ReferenceType.API, null),
                        new ActiveflowDeleted(ID, OWNER, T0))
                .when(new StopActiveflow(ID, OWNER, T0))
                .expectException(NotFound.class);
    }

    @Test
    void an_effect_response_for_the_waiting_step_is_recorded_and_the_flow_goes_on() {
        EffectRequested requested = new EffectRequested(ID, OWNER, 1, FETCH.id(), EffectKind.FETCH_FLOW,
                JsonNodeFactory.instance.objectNode(), true, T0);
        var actions = JsonNodeFactory.instance.arrayNode();
        actions.addObject().put("type", "empty");
        fixture.given(created(List.of(FETCH)), started(1, FETCH), requested)
                .when(new RecordEffectResponse(ID, OWNER, 1, FETCH.id(), EffectKind.FETCH_FLOW, 200, actions, null, T0))
                .expectSuccessfulHandlerExecution()
                .expectState(flow -> {
                    assertThat(flow.resource().status()).isEqualTo("ended");
                    assertThat(flow.resource().executedActions()).extracting(Action::type)
                            .containsExactly("fetch_flow", "empty");
                });
    }

    @Test
    void an_effect_response_for_an_old_step_is_recorded_and_ignored() {
        EffectRequested requested = new EffectRequested(ID, OWNER, 1, FETCH.id(), EffectKind.FETCH_FLOW,
                JsonNodeFactory.instance.objectNode(), true, T0);
        fixture.given(created(List.of(FETCH)), started(1, FETCH), requested,
                        new EffectResponded(ID, OWNER, 1, FETCH.id(), EffectKind.FETCH_FLOW, 404, null, "gone", T0),
                        new ActionFinished(ID, OWNER, 1, FETCH.id(), ActionOutcome.FAILED, "gone", null, T0),
                        new ActiveflowStopped(ID, OWNER, StopReason.FINISHED, null, null, null, T0, ReferenceType.API, null))
                .when(new RecordEffectResponse(ID, OWNER, 1, FETCH.id(), EffectKind.FETCH_FLOW, 200, null, null, T0))
                .expectEvents(new StaleInputIgnored(ID, OWNER, "effect_response:fetch_flow", 1, FETCH.id(), 1, T0));
    }
}
