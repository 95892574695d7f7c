package io.callflow.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callflow.domain.common.EntityId;
import io.callflow.domain.common.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.JSON;

/**
 * Values as the projection tables hold them. PostgreSQL refuses NUL in {@code TEXT} and in
 * {@code JSONB} strings, and a projection that cannot write an event retries it forever and
 * stops for every customer, so NUL becomes U+FFFD here; the event store keeps the original.
 */
final class Columns {
    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';

    private Columns() {
    }

    static String text(String value) {
        return value == null || value.indexOf(NUL) < 0 ? value : value.replace(NUL, REPLACEMENT);
    }

    static String textOrEmpty(String value) {
        return value == null ? "" : text(value);
    }

    /** Enum values as the API writes them: lower case. */
    static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static UUID id(EntityId id) {
        return id == null ? null : id.value();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Any value as JSON in the platform's one shape; null (or JSON null) stays SQL NULL. The value is
     * written once; only text holding a NUL escape goes through a tree to clean it.
     */
    static JSON json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String text = value instanceof JsonNode node && node.isMissingNode() ? "null"
                    : Json.mapper().writeValueAsString(value);
            if (text.equals("null")) {
                return null;
            }
            // Jackson writes NUL only as this escape; the rewrite is needed only then
            return JSON.valueOf(text.contains("\\u0000")
                    ? Json.mapper().writeValueAsString(withoutNul(Json.mapper().valueToTree(value))) : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for the projection", e);
        }
    }

    private static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(text(node.textValue()));
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(withoutNul(element)));
            return copy;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            fields.forEach(field -> copy.set(text(field.getKey()), withoutNul(field.getValue())));
            return copy;
        }
        return node;
    }
}
