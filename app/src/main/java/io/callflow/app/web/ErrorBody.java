package io.callflow.app.web;

import io.callflow.domain.action.Problem;
import java.util.List;

/** Every error: {@code {"error": {"code", "message", "details": [{pointer, message}]}}}. */
public record ErrorBody(Error error) {
    public record Error(String code, String message, List<Problem> details) {
    }

    public static ErrorBody of(String code, String message, List<Problem> details) {
        return new ErrorBody(new Error(code, message, details));
    }
}
