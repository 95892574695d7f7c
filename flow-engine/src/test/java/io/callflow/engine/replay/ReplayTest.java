package io.callflow.engine.replay;

import static io.callflow.engine.replay.Recording.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionOutcome;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.ClockRead;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.Interpreter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {
    /** Every kind of input: start, timers, a stale timer, fetch and webhook responses, a stale response, stop, delete. */
    private static Recording everyKindOfInput() {
        Recording r = Recording.started("[{'id':'#1','type':'variable_set','option':{'key':'greeting','value':'hi ${name}'}},"
                + "{'id':'#2','type':'sleep','option':{'duration':1000}},"
                + "{'id':'#3','type':'condition_datetime','option':{'condition':'>=','hour':9,'false_target_id':'#9'}},"
                + "{'id':'#4','type':'fetch','option':{'event_url':'http://127.0.0.1:9/next'}},"
                + "{'id':'#5','type':'webhook_send','option':{'sync':true,'uri':'http://127.0.0.1:9/h','data':'${greeting}'}},"
                + "{'id':'#6','type':'webhook_send','option':{'uri':'http://127.0.0.1:9/h','data':'{}'}},"
                + "{'id':'#7','type':'sleep','option':{'duration':60000}},"
                + "{'id':'#9','type':'empty'}]", Map.of("name", "Ada"), ExecutionLimits.DEFAULT);
        TimerStarted first = r.lastTimer();
        r.fire(first);
        assertThat(r.fire(first)).singleElement().isInstanceOf(StaleInputIgnored.class);
        EffectRequested fetch = r.lastRequest();
        r.respondLate(fetch.step() + 7, fetch.actionId(), EffectKind.FETCH);
        r.respond(fetch, 200, "[{'type':'variable_set','option':{'key':'fetched','value':'yes'}},{'type':'empty'}]");
        EffectRequested sync = r.lastRequest();
        r.respond(sync, 202, "{'ok':true}");
        EffectRequested async = r.last(EffectRequested.class);
        assertThat(async.awaited()).isFalse();
        r.respond(async, 204, null);
        assertThat(r.state.waiting()).isNotNull();
        r.stopThroughTheApi();
        r.delete();
        return r;
    }

    @Test
    void replaying_an_unchanged_execution_through_the_same_interpreter_reports_no_divergence() {
        Recording r = everyKindOfInput();
        List<ActiveflowEvent> stored = r.stored();

        ReplayReport report = new Replay(new Interpreter(ExecutionLimits.DEFAULT)).replay(stored);

        assertThat(report.diverged()).isFalse();
        assertThat(report.firstDivergence()).isNull();
        assertThat(report.events()).isEqualTo(stored.size());
        assertThat(report.steps()).extracting(ReplayStep::input).containsExactly(InputKind.START,
                InputKind.TIMER_FIRED, InputKind.STALE_INPUT, InputKind.STALE_INPUT, InputKind.EFFECT_RESPONDED,
                InputKind.EFFECT_RESPONDED, InputKind.EFFECT_RESPONDED, InputKind.STOP, InputKind.DELETE);
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.equal()).as("step %s", step.index()).isTrue());
        // the decisions together are the whole history after the creation, each event exactly once
        assertThat(report.steps().stream().mapToInt(s -> s.recorded().size()).sum()).isEqualTo(stored.size() - 1);
        assertThat(report.steps().get(1).recorded()).anyMatch(ClockRead.class::isInstance);
    }

    @Test
    void before_the_store_the_replayed_events_are_the_recorded_records_themselves() {
        Recording r = everyKindOfInput();
        ReplayReport report = new Replay(r.interpreter).replay(r.history);
        assertThat(report.steps()).allSatisfy(step -> assertThat(step.replayed()).isEqualTo(step.recorded()));
    }

    @Test
    void each_step_says_where_its_input_and_its_decision_are_recorded() {
        Recording r = everyKindOfInput();
        ReplayReport report = new Replay(r.interpreter).replay(r.stored());

        ReplayStep start = report.steps().get(0);
        assertThat(start.sequence()).isZero();
        assertThat(start.from()).isEqualTo(1);
        ReplayStep timer = report.steps().get(1);
        assertThat(timer.sequence()).isEqualTo(timer.from()).isEqualTo(start.from() + start.recorded().size());
        ReplayStep stop = report.steps().get(7);
        assertThat(r.history.get((int) stop.sequence())).isInstanceOfSatisfying(ActiveflowStopped.class,
                s -> assertThat(s.reason()).isEqualTo(StopReason.STOPPED));
        assertThat(report.steps().get(8).recorded()).hasSize(1);
    }

    @Test
    void a_smaller_consecutive_step_limit_diverges_at_the_loop_step_it_cuts_and_later_inputs_replay_equal() {
        Recording r = Recording.started("[{'id':'#1','type':'sleep','option':{'duration':10}},"
                + "{'id':'#2','type':'variable_set','option':{'key':'v','value':'1'}},"
                + "{'id':'#3','type':'empty'},"
                + "{'id':'#4','type':'goto','option':{'target_id':'#3','loop_count':5}},"
                + "{'id':'#5','type':'sleep','option':{'duration':10}},"
                + "{'id':'#6','type':'empty'}]");
        r.fire(r.lastTimer());
        r.fire(r.lastTimer());
        assertThat(r.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.FINISHED);

        // after the first timer, executions 2..9 are 8 in a row; the 9th in a row (step 10) is refused
        Interpreter stricter = new Interpreter(new ExecutionLimits(8, 100_000, 100, 100, 5));
        ReplayReport report = new Replay(stricter).replay(r.stored());

        int cut = r.indexOf(ActionStarted.class, e -> e.step() == 10);
        Divergence divergence = report.firstDivergence();
        assertThat(divergence.inputIndex()).isEqualTo(1);
        assertThat(divergence.input()).isEqualTo(InputKind.TIMER_FIRED);
        assertThat(divergence.sequence()).isEqualTo(cut);
        assertThat(divergence.recorded()).isEqualTo(r.history.get(cut));
        assertThat(divergence.replayed()).isInstanceOfSatisfying(ActiveflowStopped.class,
                s -> assertThat(s.reason()).isEqualTo(StopReason.CONSECUTIVE_STEP_LIMIT));
        assertThat(report.steps()).extracting(ReplayStep::equal).containsExactly(true, false, true);
        assertThat(report.steps().get(1).divergence()).isEqualTo(divergence);
    }

    @Test
    void a_smaller_stack_limit_diverges_at_the_fetch_response_it_refuses() {
        Recording r = Recording.started("[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}},"
                + "{'id':'#2','type':'empty'}]");
        r.respond(r.lastRequest(), 200, "[{'type':'empty'}]");

        ReplayReport report = new Replay(new Interpreter(new ExecutionLimits(1000, 100_000, 1, 100, 5)))
                .replay(r.stored());

        int responded = r.indexOf(EffectResponded.class, e -> true);
        Divergence divergence = report.firstDivergence();
        assertThat(divergence.input()).isEqualTo(InputKind.EFFECT_RESPONDED);
        assertThat(divergence.sequence()).isEqualTo(responded + 1);
        assertThat(divergence.recorded()).isInstanceOfSatisfying(ActionFinished.class,
                f -> assertThat(f.outcome()).isEqualTo(ActionOutcome.COMPLETED));
        assertThat(divergence.replayed()).isInstanceOfSatisfying(ActionFinished.class,
                f -> assertThat(f.outcome()).isEqualTo(ActionOutcome.FAILED));
    }

    @Test
    void a_replay_that_decides_more_than_was_recorded_diverges_where_the_recording_ended() {
        Recording r = Recording.started("[{'id':'#1','type':'empty'},"
                + "{'id':'#2','type':'goto','option':{'target_id':'#1','loop_count':10}}]",
                Map.of(), new ExecutionLimits(5, 100_000, 100, 100, 5));
        assertThat(r.last(ActiveflowStopped.class).reason()).isEqualTo(StopReason.CONSECUTIVE_STEP_LIMIT);

        ReplayReport report = new Replay(new Interpreter(ExecutionLimits.DEFAULT)).replay(r.stored());

        int stopped = r.indexOf(ActiveflowStopped.class, e -> true);
        assertThat(report.firstDivergence().sequence()).isEqualTo(stopped);
        assertThat(report.firstDivergence().replayed()).isInstanceOf(ActionStarted.class);
        assertThat(report.steps().get(0).replayed().size()).isGreaterThan(report.steps().get(0).recorded().size());
    }

    @Test
    void a_history_that_does_not_start_with_the_creation_is_refused() {
        Recording r = everyKindOfInput();
        Replay replay = new Replay(r.interpreter);
        assertThatThrownBy(() -> replay.replay(r.history.subList(1, r.history.size())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> replay.replay(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replaying_a_thousand_step_activeflow_takes_milliseconds() {
        // 250 rounds of four actions, each round waiting on a timer: 1,000 steps, 250 timer inputs
        Recording r = Recording.started("[{'id':'#1','type':'variable_set','option':{'key':'round','value':'x${round}'}},"
                + "{'id':'#2','type':'empty'},"
                + "{'id':'#3','type':'sleep','option':{'duration':10}},"
                + "{'id':'#4','type':'goto','option':{'target_id':'#1','loop_count':249}}]",
                Map.of("round", ""), ExecutionLimits.DEFAULT);
        while (!r.state.ended()) {
            r.fire(r.lastTimer());
        }
        assertThat(r.state.step()).isEqualTo(1000);
        List<ActiveflowEvent> stored = r.stored();
        Replay replay = new Replay(new Interpreter(ExecutionLimits.DEFAULT));

        assertThat(replay.replay(stored).diverged()).isFalse();
        int runs = 100;
        for (int i = 0; i < runs; i++) {
            replay.replay(stored); // warm up the JIT before measuring
            StateAt.of(stored, stored.size() - 1);
        }
        long begin = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            replay.replay(stored);
        }
        double millis = (System.nanoTime() - begin) / 1e6 / runs;
        long folding = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            StateAt.of(stored, stored.size() - 1);
        }
        double stateMillis = (System.nanoTime() - folding) / 1e6 / runs;
        System.out.printf("replay of a 1,000-step activeflow (%d events, %d inputs): %.2f ms each, %.0f per second;"
                        + " state at its last event: %.2f ms%n", stored.size(), replay.replay(stored).steps().size(),
                millis, 1000 / millis, stateMillis);
    }

    @Test
    void the_ids_the_interpreter_derives_come_out_the_same_on_replay() {
        Recording r = Recording.started("[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}}]");
        r.respond(r.lastRequest(), 200, "[{'type':'empty'},{'type':'empty'}]");
        ReplayReport report = new Replay(new Interpreter(ExecutionLimits.DEFAULT)).replay(r.stored());
        assertThat(report.diverged()).isFalse();
        assertThat(r.history).anyMatch(e -> e instanceof ActionStarted s && !s.action().id().equals(id(1)));
    }
}
