package io.callflow.engine.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.IdOptions;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads option values after substitution. Saved flows were validated, but a value
 * that came from a {@code ${variable}} is text until now, so numbers and booleans
 * are read from either form; anything unreadable is empty, never an exception.
 */
final class Options {

    private Options() {
    }

    static String text(ObjectNode option, String name, String fallback) {
        JsonNode value = option.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static Optional<Long> number(ObjectNode option, String name) {
        JsonNode value = option.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.longValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean flag(ObjectNode option, String name) {
        return flag(option, name, false);
    }

    static boolean flag(ObjectNode option, String name, boolean fallback) {
        JsonNode value = option.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText().trim());
    }

    static Optional<UUID> id(ObjectNode option, String name) {
        return IdOptions.read(option, name);
    }

    /** A variable name given either bare ({@code digits}) or as a template ({@code ${digits}}), per D19. */
    static String variableName(String raw) {
        String name = raw.trim();
        if (name.startsWith("${") && name.endsWith("}") && name.indexOf('}') == name.length() - 1) {
            return name.substring(2, name.length() - 1);
        }
        return name;
    }
}
