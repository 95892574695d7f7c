package io.callflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.common.Json;
import java.util.List;
import java.util.UUID;

/** The flows the benchmarks run, written as a flow designer would send them and read by the platform's validator. */
final class Flows {
    private Flows() {
    }

    /** Three actions, as saved by {@code CreateFlow}. */
    static final String THREE_ACTIONS = """
            [
              {"type": "variable_set", "option": {"key": "greeting", "value": "hello ${name}"}},
              {"type": "condition_variable", "option": {"condition": "!=", "variable": "greeting",
                                                        "value_type": "string", "value_string": ""}},
              {"type": "empty"}
            ]""";

    /**
     * Ten actions that need no media and never wait, so they run to the end inside the start command:
     * 1 2 3 4 5 6 -> 8 -> 7 8 9 10, eleven executions (the condition holds, the branch jumps to 8,
     * the goto loops once back to 7, then falls through).
     */
    static final String TEN_ACTIONS = """
            [
              {"id": "00000000-0000-4000-8000-000000000001", "type": "variable_set", "option": {"key": "a", "value": "1"}},
              {"id": "00000000-0000-4000-8000-000000000002", "type": "variable_set", "option": {"key": "b", "value": "${a}2"}},
              {"id": "00000000-0000-4000-8000-000000000003", "type": "variable_set", "option": {"key": "choice", "value": "x"}},
              {"id": "00000000-0000-4000-8000-000000000004", "type": "variable_set", "option": {"key": "c", "value": "${b}3"}},
              {"id": "00000000-0000-4000-8000-000000000005", "type": "condition_variable",
               "option": {"condition": "==", "variable": "a", "value_type": "number", "value_number": 1,
                          "false_target_id": "00000000-0000-4000-8000-000000000010"}},
              {"id": "00000000-0000-4000-8000-000000000006", "type": "branch",
               "option": {"variable": "choice", "target_ids": {"x": "00000000-0000-4000-8000-000000000008"},
                          "default_target_id": "00000000-0000-4000-8000-000000000010"}},
              {"id": "00000000-0000-4000-8000-000000000007", "type": "empty"},
              {"id": "00000000-0000-4000-8000-000000000008", "type": "goto",
               "option": {"target_id": "00000000-0000-4000-8000-000000000007", "loop_count": 1}},
              {"id": "00000000-0000-4000-8000-000000000009", "type": "empty"},
              {"id": "00000000-0000-4000-8000-000000000010", "type": "empty"}
            ]""";

    static List<Action> parse(String json) {
        try {
            ActionsParse parsed = new ActionsValidator().parse(Json.mapper().readTree(json), "/actions",
                    UUID::randomUUID);
            if (!parsed.ok()) {
                throw new IllegalStateException("benchmark flow is invalid: " + parsed.problems());
            }
            return parsed.actions();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
