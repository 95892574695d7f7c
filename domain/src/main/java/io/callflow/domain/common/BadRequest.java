package io.callflow.domain.common;

import io.callflow.domain.action.Problem;
import java.util.List;

/** Input that cannot be accepted, with every problem found in it. Nothing was stored. */
public class BadRequest extends RuntimeException {
    private final List<Problem> problems;

    public BadRequest(List<Problem> problems) {
        super(problems.size() == 1 ? where(problems.get(0)) + problems.get(0).message()
                : problems.size() + " problems in the request");
        this.problems = List.copyOf(problems);
    }

    public BadRequest(String pointer, String message) {
        this(List.of(new Problem(pointer, message)));
    }

    /** The pointer in front of a lone problem's message; none for the whole document (pointer ""). */
    private static String where(Problem problem) {
        return problem.pointer() == null || problem.pointer().isEmpty() ? "" : problem.pointer() + ": ";
    }

    public List<Problem> problems() {
        return problems;
    }
}
