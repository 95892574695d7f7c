package io.callflow.engine.replay;

import static io.callflow.engine.replay.Recording.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.domain.action.ReservedIds;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.GotoCounted;
import io.callflow.domain.activeflow.StackPushed;
import io.callflow.domain.activeflow.VariablesSet;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.engine.interpreter.Wait;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateAtTest {

    @Test
    void the_creation_alone_is_a_state_before_the_first_action() {
        Recording r = Recording.started("[{'id':'#1','type':'empty'}]", Map.of("name", "Ada"), ExecutionLimits.DEFAULT);

        ActiveflowState state = StateAt.of(r.stored(), 0);

        assertThat(state.sequence()).isZero();
        assertThat(state.at()).isEqualTo(Recording.T0);
        assertThat(state.cursor().stackId()).isEqualTo(ReservedIds.MAIN_STACK);
        assertThat(state.cursor().action()).isNull();
        assertThat(state.stacks()).singleElement().satisfies(main -> {
            assertThat(main.id()).isEqualTo(ReservedIds.MAIN_STACK);
            assertThat(main.returnTo()).isNull();
            assertThat(main.actions()).extracting(a -> a.id()).containsExactly(id(1));
        });
        assertThat(state.variables()).containsExactly(Map.entry("name", "Ada"));
        assertThat(state.counters().step()).isZero();
        assertThat(state.ended()).isFalse();
    }

    @Test
    void the_state_at_a_sequence_folds_every_event_up_to_and_including_it() {
        Recording r = Recording.started("[{'id':'#1','type':'variable_set','option':{'key':'a','value':'1'}},"
                + "{'id':'#2','type':'variable_set','option':{'key':'b','value':'2'}},"
                + "{'id':'#3','type':'sleep','option':{'duration':1000}},"
                + "{'id':'#4','type':'empty'}]");
        List<ActiveflowEvent> stored = r.stored();
        int firstSet = r.indexOf(VariablesSet.class, e -> e.values().containsKey("a"));

        ActiveflowState before = StateAt.of(stored, firstSet - 1);
        ActiveflowState afterA = StateAt.of(stored, firstSet);
        ActiveflowState waiting = StateAt.of(stored, stored.size() - 1);

        assertThat(before.variables()).doesNotContainKey("a");
        assertThat(before.cursor().action().id()).isEqualTo(id(1));
        assertThat(afterA.variables()).containsEntry("a", "1").doesNotContainKey("b");
        assertThat(afterA.counters().step()).isEqualTo(1);
        assertThat(waiting.variables()).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(waiting.cursor().action().id()).isEqualTo(id(3));
        assertThat(waiting.waiting()).isEqualTo(new Wait(3, id(3), Wait.Kind.TIMER));
        assertThat(waiting.counters().executions()).isEqualTo(3);
        assertThat(waiting.counters().consecutiveSteps()).isZero();

        r.fire(r.lastTimer());
        ActiveflowState ended = StateAt.of(r.stored(), r.history.size() - 1);
        assertThat(ended.ended()).isTrue();
        assertThat(ended.waiting()).isNull();
        assertThat(ended.cursor().action().id()).isEqualTo(id(4));
    }

    @Test
    void a_push_shows_the_new_stack_with_its_return_place_and_where_execution_goes_next() {
        Recording r = Recording.started("[{'id':'#1','type':'fetch','option':{'event_url':'http://127.0.0.1:9/a'}},"
                + "{'id':'#2','type':'empty'}]");
        r.respond(r.lastRequest(), 200, "[{'id':'#7','type':'empty'},{'id':'#8','type':'sleep','option':{'duration':10}}]");
        int pushed = r.indexOf(StackPushed.class, e -> true);

        ActiveflowState state = StateAt.of(r.stored(), pushed);

        StackPushed push = (StackPushed) r.history.get(pushed);
        assertThat(state.stacks()).extracting(ActiveflowState.StackFrame::id)
                .containsExactly(ReservedIds.MAIN_STACK, push.stackId());
        assertThat(state.stacks().get(1).returnTo())
                .isEqualTo(new ExecutionState.Target(ReservedIds.MAIN_STACK, id(1)));
        assertThat(state.forward()).isEqualTo(new ExecutionState.Target(push.stackId(), id(7)));
        assertThat(state.cursor().action().id()).isEqualTo(id(1));

        ActiveflowState sleeping = StateAt.of(r.stored(), r.history.size() - 1);
        assertThat(sleeping.cursor()).isEqualTo(new ActiveflowState.Cursor(push.stackId(), push.actions().get(1)));
        assertThat(sleeping.forward()).isNull();
    }

    @Test
    void goto_counters_show_the_jumps_left() {
        Recording r = Recording.started("[{'id':'#1','type':'empty'},"
                + "{'id':'#2','type':'goto','option':{'target_id':'#1','loop_count':3}},"
                + "{'id':'#3','type':'sleep','option':{'duration':10}}]");
        int firstJump = r.indexOf(GotoCounted.class, e -> true);

        ActiveflowState state = StateAt.of(r.stored(), firstJump);

        assertThat(state.counters().gotoRemaining())
                .containsExactly(new ActiveflowState.GotoCounter(ReservedIds.MAIN_STACK, id(2), 2));
        assertThat(StateAt.of(r.stored(), r.history.size() - 1).counters().gotoRemaining()).isEmpty();
    }

    @Test
    void a_sequence_outside_the_history_is_refused() {
        Recording r = Recording.started("[{'id':'#1','type':'empty'}]");
        List<ActiveflowEvent> stored = r.stored();
        assertThatThrownBy(() -> StateAt.of(stored, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateAt.of(stored, stored.size())).isInstanceOf(IllegalArgumentException.class);
    }
}
