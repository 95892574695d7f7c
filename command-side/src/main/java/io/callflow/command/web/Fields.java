package io.callflow.command.web;

import io.callflow.domain.action.JsonPointers;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads the top-level fields of a request object, collecting every problem with its JSON pointer. */
final class Fields {
    private final JsonNode body;
    private final List<Problem> problems = new ArrayList<>();

    Fields(JsonNode body, Set<String> allowed) {
        this.body = body;
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problem(name, "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    String text(String name, String fallback, int maxLength) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            problem(name, "must be a string");
            return fallback;
        }
        if (value.textValue().length() > maxLength) {
            problem(name, "must be at most " + maxLength + " characters");
        }
        return value.textValue();
    }

    /** A UUID, or empty when absent, null, "" or the nil UUID ("not set" in VoIPbin's shapes). */
    Optional<UUID> id(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(name, "must be a UUID string");
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(value.textValue());
            if (id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0) {
                return Optional.empty();
            }
            if (!id.toString().equalsIgnoreCase(value.textValue())) {
                problem(name, "must be a UUID in its canonical form");
            }
            return Optional.of(id);
        } catch (IllegalArgumentException e) {
            problem(name, "must be a UUID");
            return Optional.empty();
        }
    }

    Optional<Integer> integer(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(name, "must be an integer");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback, Set<E> accepted) {
        String text = text(name, null, 64);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        for (E candidate : accepted) {
            if (candidate.name().equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        problem(name, "must be one of " + String.join(", ",
                accepted.stream().map(e -> e.name().toLowerCase()).sorted().toList()));
        return fallback;
    }

    JsonNode node(String name) {
        return body.get(name);
    }

    void problem(String name, String message) {
        problems.add(new Problem(pointer(name), message));
    }

    /** A problem below a top-level field; {@code pointer} is already a JSON pointer. */
    void problemAt(String pointer, String message) {
        problems.add(new Problem(pointer, message));
    }

    void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    List<Problem> problems() {
        return problems;
    }

    static String pointer(String name) {
        return JsonPointers.child("", name);
    }
}
