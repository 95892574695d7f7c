package io.callflow.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.callflow.domain.action.Action;
import io.callflow.domain.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jooq.JSON;

/** Reads JSON the projections and the event store wrote, with the platform's one mapper. */
public final class StoredJson {
    private static final ObjectReader ACTIONS = Json.mapper().readerFor(new TypeReference<List<Action>>() {
    });

    private StoredJson() {
    }

    public static List<Action> actions(JSON json) {
        return json == null ? List.of() : read(json.data(), ACTIONS);
    }

    public static JsonNode tree(JSON json) {
        return json == null ? null : tree(json.data());
    }

    public static JsonNode tree(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read", e);
        }
    }

    public static JsonNode tree(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read", e);
        }
    }

    /**
     * The text of some of a stored object's own fields, read in one pass over the bytes without building a tree:
     * a string's text, another scalar as written, "" for an object or array, null for a field that is absent or
     * JSON null (the last one wins if a name repeats). The whole value is checked to be well-formed JSON on the way.
     *
     * @return one entry per name, in the order of {@code names}
     */
    public static String[] fields(byte[] bytes, String... names) {
        String[] values = new String[names.length];
        try (JsonParser json = Json.mapper().createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new UncheckedIOException(new IOException("stored JSON is not an object"));
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                int index = indexOf(names, json.currentName());
                JsonToken value = json.nextToken();
                String text = switch (value) {
                    case START_OBJECT, START_ARRAY -> {
                        json.skipChildren();
                        yield "";
                    }
                    case VALUE_NULL -> null;
                    default -> json.getText();
                };
                if (index >= 0) {
                    values[index] = text;
                }
            }
            if (json.nextToken() != null) {
                throw new UncheckedIOException(new IOException("stored JSON has more than one value"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read", e);
        }
        return values;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> T read(String text, ObjectReader reader) {
        try {
            return reader.readValue(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read", e);
        }
    }
}
