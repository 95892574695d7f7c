package io.callflow.domain.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.JsonPointers;
import java.util.Iterator;
import java.util.Map;

/**
 * Text PostgreSQL cannot store in {@code text} or {@code jsonb}, found before it reaches the event store: the NUL
 * character, and half of a UTF-16 surrogate pair (which has no UTF-8 form). An event holding half a pair cannot be
 * serialized, and one holding a NUL, though stored, cannot be projected into {@code jsonb}: whatever wrote or read
 * it would fail, and a handler retrying it would fail for ever.
 */
public final class StorableText {
    /** What a document held that cannot be stored, and where. */
    public record Problem(String pointer, String message) {
    }

    private StorableText() {
    }

    /** The first field name or string of {@code node} that cannot be stored, or null when all can. */
    public static Problem check(JsonNode node) {
        return check(node, "");
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate (such as \\ud800 alone)";
            }
        }
        return null;
    }

    /** {@code text} with each NUL and unpaired surrogate replaced by U+FFFD, the replacement character. */
    static String replaced(String text) {
        StringBuilder storable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                storable.append(c).append(text.charAt(++i));
            } else {
                storable.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return storable.toString();
    }

    private static Problem check(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String problem = problemOf(node.textValue());
            return problem == null ? null : new Problem(pointer, problem);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Problem found = check(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = JsonPointers.child(pointer, field.getKey());
                String problem = problemOf(field.getKey());
                if (problem != null) {
                    // the pointer names the field, so it must be storable (and writable as JSON) itself
                    return new Problem(JsonPointers.child(pointer, replaced(field.getKey())), problem);
                }
                Problem found = check(field.getValue(), child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
