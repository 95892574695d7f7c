package io.callflow.engine.replay;

import static io.callflow.engine.replay.Recording.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.Interpreter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final String BRANCHING = "[{'id':'#1','type':'variable_set','option':{'key':'choice','value':'2'}},"
            + "{'id':'#2','type':'fetch','option':{'event_url':'http://127.0.0.1:9/next'}},"
            + "{'id':'#3','type':'branch','option':{'variable':'choice','target_ids':{'2':'#5'},'default_target_id':'#4'}},"
            + "{'id':'#4','type':'variable_set','option':{'key':'went','value':'four'},'next_id':'00000000-0000-0000-0000-000000000002'},"
            + "{'id':'#5','type':'variable_set','option':{'key':'went','value':'five'}},"
            + "{'id':'#6','type':'sleep','option':{'duration':1000}},"
            + "{'id':'#7','type':'empty'}]";

    private final Simulation simulation = new Simulation(new Interpreter(ExecutionLimits.DEFAULT));

    /** Runs BRANCHING: a fetch answered with nothing to push, then the timer. */
    private static Recording recorded() {
        Recording r = Recording.started(BRANCHING);
        r.respond(r.lastRequest(), 200, "[]");
        r.fire(r.lastTimer());
        assertThat(r.state.ended()).isTrue();
        return r;
    }

    private static List<Action> actions(String json) {
        return new ActionsValidator().parse(Recording.json(json), "/actions", UUID::randomUUID).actions();
    }

    @Test
    void the_same_actions_take_the_recorded_path_and_end_the_same_way() {
        Recording r = recorded();

        SimulationReport report = simulation.simulate(r.stored(), actions(BRANCHING), 2);

        assertThat(report.diverged()).isFalse();
        assertThat(report.simulatedPath()).containsExactly(id(1), id(2), id(3), id(5), id(6), id(7));
        assertThat(report.simulatedPath()).isEqualTo(report.recordedPath());
        assertThat(report.simulated()).isEqualTo(report.recorded());
        assertThat(report.simulated().stopReason()).isEqualTo(StopReason.FINISHED);
        assertThat(report.inputsUsed()).isEqualTo(2).isEqualTo(report.inputsRecorded());
    }

    @Test
    void a_changed_branch_target_differs_at_the_step_after_the_branch_and_ends_down_the_new_path() {
        Recording r = recorded();
        String changed = BRANCHING.replace("'target_ids':{'2':'#5'}", "'target_ids':{'2':'#4'}");

        SimulationReport report = simulation.simulate(r.stored(), actions(changed), null);

        assertThat(report.firstDifference()).isEqualTo(new PathDifference(4, id(5), id(4)));
        assertThat(report.simulatedPath()).containsExactly(id(1), id(2), id(3), id(4));
        assertThat(report.simulated().status()).isEqualTo("ended");
        assertThat(report.simulated().stopReason()).isEqualTo(StopReason.FINISHED);
        assertThat(report.simulated().variables()).containsEntry("went", "four");
        assertThat(report.recorded().variables()).containsEntry("went", "five");
        assertThat(report.inputsUsed()).isEqualTo(1);
    }

    @Test
    void a_new_path_that_waits_for_an_answer_never_recorded_stops_there_and_says_so() {
        Recording r = recorded();
        String changed = BRANCHING.replace("{'id':'#5','type':'variable_set','option':{'key':'went','value':'five'}}",
                "{'id':'#5','type':'webhook_send','option':{'sync':true,'uri':'http://127.0.0.1:9/h'}}");

        SimulationReport report = simulation.simulate(r.stored(), actions(changed), null);

        // the same actions by id until it had to wait; it never got further
        assertThat(report.firstDifference()).isEqualTo(new PathDifference(5, id(6), null));
        assertThat(report.simulated().status()).isEqualTo("needs_input");
        assertThat(report.simulated().needsInput()).isEqualTo("needs input not recorded: webhook at step 4");
        assertThat(report.simulatedPath()).containsExactly(id(1), id(2), id(3), id(5));
    }

    @Test
    void a_stop_through_the_api_stops_the_simulated_run_too() {
        Recording r = Recording.started("[{'id':'#1','type':'sleep','option':{'duration':60000}},{'id':'#2','type':'empty'}]",
                Map.of(), ExecutionLimits.DEFAULT);
        r.stopThroughTheApi();

        SimulationReport report = simulation.simulate(r.stored(),
                actions("[{'id':'#1','type':'empty'},{'id':'#3','type':'block'}]"), null);

        assertThat(report.firstDifference()).isEqualTo(new PathDifference(2, null, id(3)));
        assertThat(report.simulated().status()).isEqualTo("ended");
        assertThat(report.simulated().stopReason()).isEqualTo(StopReason.STOPPED);
    }
}
