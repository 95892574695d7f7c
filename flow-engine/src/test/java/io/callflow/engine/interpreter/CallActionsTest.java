package io.callflow.engine.interpreter;

import static io.callflow.engine.interpreter.Flows.CALL;
import static io.callflow.engine.interpreter.Flows.callSession;
import static io.callflow.engine.interpreter.Flows.id;
import static io.callflow.engine.interpreter.Flows.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionOutcome;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.MediaCancelled;
import io.callflow.domain.activeflow.MediaCompleted;
import io.callflow.domain.activeflow.MediaRequested;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.TimerStarted;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Media actions and key presses on a call's activeflow (reference 4 and 4.4, with the section 13 fixes). */
class CallActionsTest {

    private static final String IVR = "[{'id':'#1','type':'answer'},"
            + "{'id':'#2','type':'talk','option':{'text':'press one or two','digits_handle':'next'}},"
            + "{'id':'#3','type':'digits_receive','option':{'duration':5000,'length':1}},"
            + "{'id':'#4','type':'branch','option':{'target_ids':{'1':'#5','2':'#6'}}},"
            + "{'id':'#5','type':'play','option':{'stream_urls':['http://127.0.0.1/one.wav']},'next_id':'#7'},"
            + "{'id':'#6','type':'beep'},"
            + "{'id':'#7','type':'hangup'}]";

    @Test
    void each_media_action_waits_for_its_completion() {
        Flows.Session s = callSession(IVR);
        s.start();
        MediaRequested answer = s.last(MediaRequested.class);
        assertThat(answer.operation()).isEqualTo("answer");
        assertThat(answer.callId()).isEqualTo(CALL);
        assertThat(answer.awaited()).isTrue();
        assertThat(s.ran()).containsExactly("answer");

        s.take(s.interpreter.mediaCompleted(s.state, answer.step(), answer.actionId(), true, null, Map.of(), s.now));
        assertThat(s.ran()).containsExactly("answer", "talk");
        assertThat(s.last(MediaRequested.class).option().get("text").asText()).isEqualTo("press one or two");
    }

    @Test
    void the_key_pressed_picks_the_branch() {
        Flows.Session s = callSession(IVR);
        s.start();
        complete(s);
        complete(s); // talk ends
        assertThat(s.ran()).containsExactly("answer", "talk", "digits_receive");
        assertThat(s.last(TimerStarted.class).dueAt()).isEqualTo(Flows.T0.plusMillis(5000));

        s.take(s.interpreter.digitReceived(s.state, "2", s.now));
        assertThat(s.ran()).containsExactly("answer", "talk", "digits_receive", "branch", "beep");
        assertThat(s.state.variables()).containsEntry(Interpreter.DIGITS, "");
    }

    @Test
    void a_key_during_a_talk_with_digits_handle_next_cuts_it_short_and_is_then_cleared() {
        Flows.Session s = callSession(IVR);
        s.start();
        complete(s);
        long talkStep = s.state.step();
        s.take(s.interpreter.digitReceived(s.state, "1", s.now));
        assertThat(s.last(MediaCancelled.class).step()).isEqualTo(talkStep);
        // digits_receive clears by default, so the key that cut the talk short does not count as input
        assertThat(s.ran()).containsExactly("answer", "talk", "digits_receive");
        assertThat(s.state.variables()).containsEntry(Interpreter.DIGITS, "");
        // the talk's late completion is stale and changes nothing
        int before = s.events.size();
        s.take(s.interpreter.mediaCompleted(s.state, talkStep, id(2), true, null, Map.of(), s.now));
        assertThat(s.events).hasSize(before + 1);
        assertThat(s.last(StaleInputIgnored.class).input()).isEqualTo("media");
    }

    @Test
    void a_finish_key_ends_the_collection_and_is_kept_apart_from_the_digits() {
        Flows.Session s = callSession("[{'id':'#1','type':'digits_receive','option':{'duration':9000,'key':'#'}}]");
        s.start();
        s.take(s.interpreter.digitReceived(s.state, "4", s.now));
        s.take(s.interpreter.digitReceived(s.state, "2", s.now));
        assertThat(s.state.ended()).isFalse();
        s.take(s.interpreter.digitReceived(s.state, "#", s.now));
        assertThat(s.state.variables()).containsEntry(Interpreter.DIGITS, "42")
                .containsEntry(Interpreter.DIGITS_TERMINATOR, "#");
        assertThat(s.state.ended()).isTrue();
    }

    @Test
    void digits_receive_times_out_and_goes_on() {
        Flows.Session s = callSession("[{'id':'#1','type':'digits_receive','option':{'duration':3000,'length':4}},"
                + "{'id':'#2','type':'hangup'}]");
        s.start();
        s.take(s.interpreter.digitReceived(s.state, "7", s.now));
        TimerStarted timer = s.last(TimerStarted.class);
        s.take(s.interpreter.timerFired(s.state, timer.step(), timer.actionId(), timer.dueAt()));
        assertThat(s.all(ActionFinished.class).get(0).reason()).isEqualTo("timed out");
        assertThat(s.state.variables()).containsEntry(Interpreter.DIGITS, "7");
        assertThat(s.ran()).containsExactly("digits_receive", "hangup");
    }

    @Test
    void a_key_outside_digits_receive_replaces_the_digits() {
        Flows.Session s = callSession("[{'id':'#1','type':'answer'},"
                + "{'id':'#2','type':'condition_call_digits','option':{'length':1,'false_target_id':'#4'}},"
                + "{'id':'#3','type':'beep'},{'id':'#4','type':'hangup'}]");
        s.start();
        s.take(s.interpreter.digitReceived(s.state, "5", s.now));
        s.take(s.interpreter.digitReceived(s.state, "6", s.now));
        assertThat(s.state.variables()).containsEntry(Interpreter.DIGITS, "6");
        complete(s);
        assertThat(s.ran()).containsExactly("answer", "condition_call_digits", "beep");
    }

    @Test
    void async_talk_goes_straight_on_and_a_failed_media_action_does_not_end_the_flow() {
        Flows.Session s = callSession("[{'id':'#1','type':'talk','option':{'text':'hi','async':true}},"
                + "{'id':'#2','type':'play','option':{'stream_urls':['http://127.0.0.1/x.wav']}},"
                + "{'id':'#3','type':'hangup'}]");
        s.start();
        assertThat(s.all(MediaRequested.class)).extracting(MediaRequested::awaited).containsExactly(false, true);
        MediaRequested play = s.last(MediaRequested.class);
        s.take(s.interpreter.mediaCompleted(s.state, play.step(), play.actionId(), false, "HTTP 404", Map.of(),
                s.now));
        assertThat(s.last(MediaCompleted.class).detail()).isEqualTo("HTTP 404");
        assertThat(s.all(ActionFinished.class).get(1).outcome()).isEqualTo(ActionOutcome.FAILED);
        assertThat(s.ran()).containsExactly("talk", "play", "hangup");
    }

    @Test
    void media_actions_are_skipped_without_a_call_and_the_end_names_the_reference() {
        Flows.Session api = session("[{'id':'#1','type':'talk','option':{'text':'hi'}}]");
        api.start();
        assertThat(api.last(ActionFinished.class).outcome()).isEqualTo(ActionOutcome.SKIPPED);
        assertThat(api.all(MediaRequested.class)).isEmpty();

        Flows.Session call = callSession("[{'id':'#1','type':'empty'}]");
        call.start();
        ActiveflowStopped stopped = call.last(ActiveflowStopped.class);
        assertThat(stopped.reason()).isEqualTo(StopReason.FINISHED);
        assertThat(stopped.referenceType()).isEqualTo(ReferenceType.CALL);
        assertThat(stopped.referenceId()).isEqualTo(CALL);
    }

    @Test
    void connect_waits_for_its_bridge_and_call_goes_straight_on_even_without_a_call() {
        Flows.Session call = callSession("[{'id':'#1','type':'connect','option':{'destinations':"
                + "[{'type':'sip','target':'bob@127.0.0.1'}]}},{'id':'#2','type':'hangup'}]");
        call.start();
        assertThat(call.last(MediaRequested.class).operation()).isEqualTo("connect");
        assertThat(call.last(MediaRequested.class).awaited()).isTrue();
        assertThat(call.ran()).containsExactly("connect");

        Flows.Session api = session("[{'id':'#1','type':'call','option':{'destinations':"
                + "[{'type':'sip','target':'bob@127.0.0.1'}],'actions':[{'type':'hangup'}]}},{'id':'#2','type':'empty'}]");
        api.start();
        MediaRequested dial = api.last(MediaRequested.class);
        assertThat(dial.operation()).isEqualTo("call");
        assertThat(dial.awaited()).isFalse();
        assertThat(dial.callId()).isNull();
        assertThat(api.ran()).containsExactly("call", "empty");
        assertThat(api.state.ended()).isTrue();
    }

    private static void complete(Flows.Session s) {
        MediaRequested pending = s.last(MediaRequested.class);
        s.take(s.interpreter.mediaCompleted(s.state, pending.step(), pending.actionId(), true, null, Map.of(), s.now));
    }
}
