package io.callflow.domain.action;

import java.util.List;

/**
 * The outcome of reading an action list: either the actions (ids assigned, option as
 * sent) or every problem found. {@code actions} is empty whenever {@code problems} is
 * not, so a half-valid list can never be stored or run by mistake.
 */
public record ActionsParse(List<Action> actions, List<Problem> problems) {
    public ActionsParse {
        actions = List.copyOf(actions);
        problems = List.copyOf(problems);
        if (!problems.isEmpty() && !actions.isEmpty()) {
            throw new IllegalArgumentException("a parse with problems carries no actions");
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
