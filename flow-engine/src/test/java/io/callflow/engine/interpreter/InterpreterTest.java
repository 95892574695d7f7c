package io.callflow.engine.interpreter;

import static io.callflow.engine.interpreter.Flows.id;
import static io.callflow.engine.interpreter.Flows.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionOutcome;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.ClockRead;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.StackPopped;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.domain.flow.FlowId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of reference sections 3 and 4, and per section 13 fix that the engine owns. */
class InterpreterTest {

    @Test
    void an_empty_flow_finishes_at_once() {
        Flows.Session s = session("[]");
        s.start();
        assertThat(s.ran()).isEmpty();
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.FINISHED);
    }

    @Test
    void actions_run_in_array_order_when_no_next_id_is_set() {
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'empty'},{'id':'#3','type':'empty'}]");
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(2), id(3));
        assertThat(s.state.ended()).isTrue();
    }

    @Test
    void next_id_jumps_over_the_actions_between() {
        Flows.Session s = session("[{'id':'#1','type':'empty','next_id':'#3'},{'id':'#2','type':'empty'},"
                + "{'id':'#3','type':'empty'}]");
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(3));
    }

    @Test
    void next_id_naming_the_finish_id_ends_the_flow() {
        Flows.Session s = session("[{'id':'#1','type':'empty','next_id':'00000000-0000-0000-0000-000000000002'},"
                + "{'id':'#2','type':'empty'}]");
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1));
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.FINISHED);
    }

    @Test
    void goto_jumps_exactly_loop_count_times_then_falls_through() {
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'goto','option':{'target_id':'#1','loop_count':2}},"
                + "{'id':'#3','type':'empty'}]");
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(2), id(1), id(2), id(1), id(2), id(3));
    }

    @Test
    void goto_without_loop_count_does_not_jump() {
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'goto','option':{'target_id':'#1'}},"
                + "{'id':'#3','type':'empty'}]");
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void goto_counts_afresh_when_entered_again_from_an_outer_loop() {
        // inner: #2 -> #3 goto #2 once; outer: #4 goto #1 once
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'empty'},"
                + "{'id':'#3','type':'goto','option':{'target_id':'#2','loop_count':1}},"
                + "{'id':'#4','type':'goto','option':{'target_id':'#1','loop_count':1}}]");
        s.start();
        long innerRuns = s.ranIds().stream().filter(id(2)::equals).count();
        assertThat(innerRuns).isEqualTo(4);
    }

    @Test
    void branch_follows_the_target_of_the_variable_value_and_clears_the_variable() {
        Flows.Session s = session("[{'id':'#1','type':'branch','option':{'variable':'choice','target_ids':{'1':'#2','2':'#3'},"
                + "'default_target_id':'#4'}},{'id':'#2','type':'stop'},{'id':'#3','type':'stop'},{'id':'#4','type':'stop'}]",
                Map.of("choice", "2"));
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(3));
        assertThat(s.state.variables()).containsEntry("choice", "");
    }

    @Test
    void branch_uses_the_default_target_for_an_unlisted_value_and_reads_voipbin_call_digits_by_default() {
        Flows.Session s = session("[{'id':'#1','type':'branch','option':{'target_ids':{'1':'#2'},'default_target_id':'#3'}},"
                + "{'id':'#2','type':'stop'},{'id':'#3','type':'stop'}]", Map.of("voipbin.call.digits", "9"));
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(3));
    }

    @Test
    void branch_without_a_matching_or_default_target_falls_through() {
        Flows.Session s = session("[{'id':'#1','type':'branch','option':{'variable':'${x}','target_ids':{'1':'#3'}}},"
                + "{'id':'#2','type':'stop'},{'id':'#3','type':'empty'}]", Map.of("x", "7"));
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(2));
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.STOP_ACTION);
    }

    @ParameterizedTest(name = "{0} {1} {2} ({3}) -> {4}")
    @CsvSource({
            "'==', string, abc, 'abc', true",
            "'!=', string, abc, 'abc', false",
            "'>', string, abd, 'abc', true",
            "'>=', number, 10, '9.5', true",
            "'<', number, 10, '9.5', false",
            "'==', number, x1, '1', false",
            "'==', length, hello, '5', true",
            "'<=', length, hello, '4', false"})
    void condition_variable_compares_as_text_number_or_length(String op, String valueType, String value,
                                                              String expected, boolean matched) {
        String field = switch (valueType) {
            case "number" -> "'value_number':" + expected;
            case "length" -> "'value_length':" + expected;
            default -> "'value_string':'" + expected + "'";
        };
        Flows.Session s = session("[{'id':'#1','type':'condition_variable','option':{'condition':'" + op
                + "','variable':'v','value_type':'" + valueType + "'," + field + ",'false_target_id':'#3'}},"
                + "{'id':'#2','type':'stop'},{'id':'#3','type':'stop'}]", Map.of("v", value));
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), matched ? id(2) : id(3));
    }

    @Test
    void condition_variable_accepts_the_name_bare_or_as_a_template() {
        for (String name : List.of("v", "${v}")) {
            Flows.Session s = session("[{'id':'#1','type':'condition_variable','option':{'condition':'==','variable':'"
                    + name + "','value_type':'string','value_string':'yes','false_target_id':'#3'}},"
                    + "{'id':'#2','type':'stop'},{'id':'#3','type':'stop'}]", Map.of("v", "yes"));
            s.start();
            assertThat(s.ranIds()).as(name).containsExactly(id(1), id(2));
        }
    }

    @Test
    void a_false_condition_without_a_false_target_falls_through() {
        Flows.Session s = session("[{'id':'#1','type':'condition_variable','option':{'condition':'==','variable':'v',"
                + "'value_type':'string','value_string':'yes'}},{'id':'#2','type':'empty'}]", Map.of("v", "no"));
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), id(2));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // 2026-11-23 is a Monday (weekday 1)
            "{'condition':'>=','hour':9}|2026-11-23T10:15:00Z|true",
            "{'condition':'>=','hour':11}|2026-11-23T10:15:00Z|false",
            "{'condition':'<','hour':18,'minute':30}|2026-11-23T10:15:00Z|true",
            "{'condition':'==','weekdays':[1,2,3,4,5]}|2026-11-23T10:15:00Z|true",
            "{'condition':'==','weekdays':[0,6]}|2026-11-23T10:15:00Z|false",
            "{'condition':'==','month':11,'day':23}|2026-11-23T10:15:00Z|true",
            "{'condition':'==','hour':-1,'minute':-1}|2026-11-23T10:15:00Z|true",
            "{'condition':'>=','hour':11,'timezone':'Europe/Berlin'}|2026-11-23T10:15:00Z|true",
            "{'condition':'>=','hour':12,'timezone':'Europe/Berlin'}|2026-11-23T10:15:00Z|false"})
    void condition_datetime_evaluates_now_op_option_with_omitted_fields_as_wildcards(String option, String now,
                                                                                     boolean matched) {
        Flows.Session s = session("[{'id':'#1','type':'condition_datetime','option':"
                + option.replace("}", ",'false_target_id':'#3'}") + "},{'id':'#2','type':'stop'},{'id':'#3','type':'stop'}]");
        s.now = Instant.parse(now);
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1), matched ? id(2) : id(3));
        assertThat(s.last(ClockRead.class).now()).isEqualTo(Instant.parse(now));
    }

    @Test
    void substitution_replaces_inside_strings_and_keeps_json_types() {
        Flows.Session s = session("[{'id':'#1','type':'variable_set','option':{'key':'greeting','value':'hi ${name}${missing}'}},"
                + "{'id':'#2','type':'condition_datetime','option':{'condition':'==','weekdays':[0,1,2,3,4,5,6],'false_target_id':'#2'}}]",
                Map.of("name", "Ada"));
        s.start();
        assertThat(s.state.variables()).containsEntry("greeting", "hi Ada");
        ActionStarted datetime = s.all(ActionStarted.class).get(1);
        assertThat(datetime.action().option().get("weekdays").get(0).isInt()).isTrue();
    }

    @Test
    void the_current_action_is_substituted_but_the_stored_flow_keeps_its_template() {
        Flows.Session s = session("[{'id':'#1','type':'variable_set','option':{'key':'n','value':'${n}x'}},"
                + "{'id':'#2','type':'goto','option':{'target_id':'#1','loop_count':2}}]", Map.of("n", ""));
        s.start();
        assertThat(s.state.variables()).containsEntry("n", "xxx");
    }

    @Test
    void sleep_waits_for_its_timer_and_then_goes_on() {
        Flows.Session s = session("[{'id':'#1','type':'sleep','option':{'duration':1500}},{'id':'#2','type':'empty'}]");
        s.start();
        TimerStarted timer = s.last(TimerStarted.class);
        assertThat(timer.dueAt()).isEqualTo(Flows.T0.plus(Duration.ofMillis(1500)));
        assertThat(s.state.ended()).isFalse();
        s.take(s.interpreter.timerFired(s.state, timer.step(), timer.actionId(), Flows.T0.plusSeconds(2)));
        assertThat(s.ranIds()).containsExactly(id(1), id(2));
        assertThat(s.state.ended()).isTrue();
    }

    @Test
    void a_stale_timer_is_recorded_and_ignored_and_the_flow_goes_on() {
        Flows.Session s = session("[{'id':'#1','type':'sleep','option':{'duration':1000}},{'id':'#2','type':'sleep','option':{'duration':1000}},"
                + "{'id':'#3','type':'empty'}]");
        s.start();
        TimerStarted first = s.last(TimerStarted.class);
        s.take(s.interpreter.timerFired(s.state, first.step(), first.actionId(), Flows.T0.plusSeconds(1)));
        var decided = s.take(s.interpreter.timerFired(s.state, first.step(), first.actionId(), Flows.T0.plusSeconds(1)));
        assertThat(decided).singleElement().isInstanceOf(StaleInputIgnored.class);
        assertThat(s.state.ended()).isFalse();
        TimerStarted second = s.last(TimerStarted.class);
        s.take(s.interpreter.timerFired(s.state, second.step(), second.actionId(), Flows.T0.plusSeconds(2)));
        assertThat(s.ranIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void fetched_actions_are_pushed_run_and_then_the_flow_returns_after_the_fetch() {
        Flows.Session s = session("[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}},{'id':'#2','type':'empty'}]");
        s.start();
        EffectRequested fetch = s.last(EffectRequested.class);
        assertThat(fetch.effect()).isEqualTo(EffectKind.FETCH);
        assertThat(fetch.request().get("body").get("activeflow_id").asText()).isEqualTo(Flows.ACTIVEFLOW.toString());
        s.take(s.interpreter.effectResponded(s.state, fetch.step(), fetch.actionId(), EffectKind.FETCH, 200,
                Flows.json("[{'type':'variable_set','option':{'key':'fetched','value':'yes'}},{'type':'empty'}]"), null,
                Flows.T0));
        assertThat(s.ran()).containsExactly("fetch", "variable_set", "empty", "empty");
        assertThat(s.state.variables()).containsEntry("fetched", "yes");
        assertThat(s.all(StackPopped.class)).hasSize(1);
        assertThat(s.state.ended()).isTrue();
    }

    @Test
    void an_invalid_fetch_response_fails_the_action_with_the_pointer_and_the_flow_falls_through() {
        Flows.Session s = session("[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}},{'id':'#2','type':'empty'}]");
        s.start();
        EffectRequested fetch = s.last(EffectRequested.class);
        s.take(s.interpreter.effectResponded(s.state, fetch.step(), fetch.actionId(), EffectKind.FETCH, 200,
                Flows.json("[{'type':'empty'},{'type':'no_such_action'}]"), null, Flows.T0));
        ActionFinished failed = s.all(ActionFinished.class).get(0);
        assertThat(failed.outcome()).isEqualTo(ActionOutcome.FAILED);
        assertThat(failed.reason()).contains("/1/type");
        assertThat(s.ranIds()).containsExactly(id(1), id(2));
    }

    @Test
    void a_fetch_answered_with_an_error_status_fails_and_falls_through() {
        Flows.Session s = session("[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}},{'id':'#2','type':'empty'}]");
        s.start();
        EffectRequested fetch = s.last(EffectRequested.class);
        s.take(s.interpreter.effectResponded(s.state, fetch.step(), fetch.actionId(), EffectKind.FETCH, 500, null,
                null, Flows.T0));
        assertThat(s.all(ActionFinished.class).get(0).reason()).contains("500");
        assertThat(s.ranIds()).containsExactly(id(1), id(2));
    }

    @Test
    void a_response_for_another_step_is_ignored() {
        Flows.Session s = session("[{'id':'#1','type':'fetch_flow','option':{'flow_id':'#9'}},{'id':'#2','type':'empty'}]");
        s.start();
        EffectRequested fetch = s.last(EffectRequested.class);
        var decided = s.take(s.interpreter.effectResponded(s.state, fetch.step() + 1, fetch.actionId(),
                EffectKind.FETCH_FLOW, 200, Flows.json("[]"), null, Flows.T0));
        assertThat(decided).singleElement().isInstanceOf(StaleInputIgnored.class);
        assertThat(s.state.waiting()).isNotNull();
    }

    @Test
    void async_webhook_goes_straight_on_and_sync_webhook_waits_and_records_the_response() {
        Flows.Session s = session("[{'id':'#1','type':'webhook_send','option':{'uri':'http://127.0.0.1:9/h','data':'{}'}},"
                + "{'id':'#2','type':'webhook_send','option':{'sync':true,'uri':'http://127.0.0.1:9/h','data':'{}'}},"
                + "{'id':'#3','type':'empty'}]");
        s.start();
        assertThat(s.all(EffectRequested.class)).extracting(EffectRequested::awaited).containsExactly(false, true);
        EffectRequested sync = s.last(EffectRequested.class);
        s.take(s.interpreter.effectResponded(s.state, sync.step(), sync.actionId(), EffectKind.WEBHOOK, 202,
                Flows.json("{'ok':true}"), null, Flows.T0));
        assertThat(s.state.variables()).containsEntry(Interpreter.WEBHOOK_STATUS, "202")
                .containsEntry(Interpreter.WEBHOOK_BODY, "{\"ok\":true}");
        assertThat(s.ranIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void an_async_webhook_response_is_recorded_without_deciding_anything() {
        Flows.Session s = session("[{'id':'#1','type':'webhook_send','option':{'uri':'http://127.0.0.1:9/h'}},"
                + "{'id':'#2','type':'sleep','option':{'duration':1000}}]");
        s.start();
        EffectRequested async = s.last(EffectRequested.class);
        var decided = s.take(s.interpreter.effectResponded(s.state, async.step(), async.actionId(), EffectKind.WEBHOOK,
                204, null, null, Flows.T0));
        assertThat(decided).singleElement().isInstanceOf(io.callflow.domain.activeflow.EffectResponded.class);
        assertThat(s.state.waiting().kind()).isEqualTo(Wait.Kind.TIMER);
    }

    @Test
    void stop_ends_the_flow_with_its_own_reason() {
        Flows.Session s = session("[{'id':'#1','type':'stop'},{'id':'#2','type':'empty'}]");
        s.start();
        assertThat(s.ranIds()).containsExactly(id(1));
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.STOP_ACTION);
    }

    @Test
    void media_actions_without_a_call_are_skipped_with_the_reason() {
        Flows.Session s = session("[{'id':'#1','type':'talk','option':{'text':'hello'}},{'id':'#2','type':'empty'}]");
        s.start();
        ActionFinished talk = s.all(ActionFinished.class).get(0);
        assertThat(talk.outcome()).isEqualTo(ActionOutcome.SKIPPED);
        assertThat(talk.reason()).contains("needs a call");
        assertThat(s.ranIds()).containsExactly(id(1), id(2));
    }

    @Test
    void an_on_complete_activeflow_of_a_call_skips_media_actions_and_always_ends() {
        // D18: the call is hanging up when its flow's on-complete flow starts; a media action would wait forever
        Flows.Session s = Flows.onCompleteOfCall("[{'id':'#1','type':'talk','option':{'text':'bye'}},"
                + "{'id':'#2','type':'variable_set','option':{'key':'after','value':'yes'}},{'id':'#3','type':'hangup'}]");
        s.start();
        assertThat(s.all(io.callflow.domain.activeflow.MediaRequested.class)).isEmpty();
        ActionFinished talk = s.all(ActionFinished.class).get(0);
        assertThat(talk.outcome()).isEqualTo(ActionOutcome.SKIPPED);
        assertThat(talk.reason()).contains("on-complete");
        assertThat(s.state.variables()).containsEntry("after", "yes");
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.FINISHED);
    }

    @Test
    void a_notification_that_cannot_be_sent_never_kills_the_flow_and_its_result_is_a_variable() {
        // D16: message_send is fatal in VoIPbin, the other notifications are not; here none is
        Flows.Session s = session("[{'id':'#1','type':'message_send','option':{'destinations':[{'type':'tel','target':'+15550001'}],"
                + "'text':'hi'}},{'id':'#2','type':'condition_variable','option':{'condition':'==',"
                + "'variable':'voipbin.message_send.result','value_type':'string','value_string':'failed','false_target_id':'#4'}},"
                + "{'id':'#3','type':'variable_set','option':{'key':'fallback','value':'yes'}},{'id':'#4','type':'empty'}]");
        s.start();
        assertThat(s.all(ActionFinished.class).get(0).outcome()).isEqualTo(ActionOutcome.FAILED);
        assertThat(s.state.variables()).containsEntry("voipbin.message_send.result", "failed")
                .containsKey("voipbin.message_send.error").containsEntry("fallback", "yes");
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.FINISHED);
    }

    @Test
    void a_runaway_loop_is_stopped_by_the_consecutive_step_limit() {
        ExecutionLimits limits = new ExecutionLimits(50, 100_000, 100, 100, 5);
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'goto','option':{'target_id':'#1','loop_count':1000000}}]",
                Map.of(), limits, null, 0);
        s.start();
        assertThat(s.ran()).hasSize(50);
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.CONSECUTIVE_STEP_LIMIT);
    }

    @Test
    void waiting_resets_the_consecutive_step_count_so_long_loops_with_waits_run_on() {
        ExecutionLimits limits = new ExecutionLimits(5, 100_000, 100, 100, 5);
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'sleep','option':{'duration':10}},"
                + "{'id':'#3','type':'goto','option':{'target_id':'#1','loop_count':20}}]", Map.of(), limits, null, 0);
        s.start();
        for (int round = 0; round < 21; round++) {
            TimerStarted timer = s.last(TimerStarted.class);
            s.take(s.interpreter.timerFired(s.state, timer.step(), timer.actionId(), Flows.T0));
        }
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.FINISHED);
        assertThat(s.ran()).hasSize(63);
    }

    @Test
    void the_absolute_execution_budget_is_a_backstop() {
        ExecutionLimits limits = new ExecutionLimits(1000, 10, 100, 100, 5);
        Flows.Session s = session("[{'id':'#1','type':'empty'},{'id':'#2','type':'goto','option':{'target_id':'#1','loop_count':100}}]",
                Map.of(), limits, null, 0);
        s.start();
        assertThat(s.ran()).hasSize(10);
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.EXECUTION_LIMIT);
    }

    @Test
    void nested_fetches_beyond_the_stack_depth_stop_the_flow() {
        ExecutionLimits limits = new ExecutionLimits(1000, 100_000, 3, 100, 5);
        Flows.Session s = session("[{'id':'#1','type':'fetch_flow','option':{'flow_id':'#9'}}]", Map.of(), limits, null, 0);
        s.start();
        for (int i = 0; i < 5 && !s.state.ended(); i++) {
            EffectRequested fetch = s.last(EffectRequested.class);
            s.take(s.interpreter.effectResponded(s.state, fetch.step(), fetch.actionId(), EffectKind.FETCH_FLOW, 200,
                    Flows.json("[{'type':'fetch_flow','option':{'flow_id':'#9'}}]"), null, Flows.T0));
        }
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.STACK_LIMIT);
    }

    @Test
    void stopping_decides_the_on_complete_activeflow_id_and_the_chain_limit_refuses_the_fifth() {
        FlowId next = new FlowId(UUID.randomUUID());
        Flows.Session first = session("[]", Map.of(), ExecutionLimits.DEFAULT, next, 0);
        first.start();
        assertThat(first.last(ActiveflowStopped.class).onCompleteActiveflowId()).isNotNull();
        Flows.Session fifth = session("[]", Map.of(), ExecutionLimits.DEFAULT, next, 4);
        fifth.start();
        ActiveflowStopped stopped = fifth.last(ActiveflowStopped.class);
        assertThat(stopped.onCompleteActiveflowId()).isNull();
        assertThat(stopped.onCompleteRefused()).startsWith("chain_limit_reached");
    }

    @Test
    void stopping_an_ended_activeflow_decides_nothing() {
        Flows.Session s = session("[{'id':'#1','type':'sleep','option':{'duration':1000}}]");
        s.start();
        s.take(s.interpreter.stop(s.state, StopReason.STOPPED, "api", Flows.T0));
        assertThat(s.interpreter.stop(s.state, StopReason.STOPPED, "api", Flows.T0)).isEmpty();
        assertThat(s.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.STOPPED);
    }

    @Test
    void the_same_inputs_always_decide_the_same_events() {
        String flow = "[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}},{'id':'#2','type':'empty'}]";
        Flows.Session a = session(flow);
        Flows.Session b = session(flow);
        a.start();
        b.start();
        for (Flows.Session s : List.of(a, b)) {
            EffectRequested fetch = s.last(EffectRequested.class);
            s.take(s.interpreter.effectResponded(s.state, fetch.step(), fetch.actionId(), EffectKind.FETCH, 200,
                    Flows.json("[{'type':'empty'}]"), null, Flows.T0));
        }
        assertThat(a.events).isEqualTo(b.events);
    }

    @Test
    void block_waits_outside_calls_until_the_activeflow_is_stopped() {
        Flows.Session s = session("[{'id':'#1','type':'block'},{'id':'#2','type':'empty'}]");
        s.start();
        assertThat(s.state.ended()).isFalse();
        assertThat(s.ranIds()).containsExactly(id(1));
    }
}
