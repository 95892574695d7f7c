package io.callflow.domain.action;

/** One thing wrong with submitted input: where (a JSON pointer such as {@code /actions/3/option/digits}) and why. */
public record Problem(String pointer, String message) {
}
