package io.callflow.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jooq.JSON;

/** Reads JSON the projections and the event store wrote, with the platform's one mapper. */
public final class StoredJson {
    private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {
    };

    private StoredJson() {
    }

    public static List<Action> actions(JSON json) {
        return json == null ? List.of() : read(json.data(), ACTIONS);
    }

    public static Action action(JSON json) {
        return json == null ? null : read(json.data(), new TypeReference<Action>() {
        });
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

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read", e);
        }
    }
}
