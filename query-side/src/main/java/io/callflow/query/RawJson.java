package io.callflow.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A JSON value written into an answer exactly as it is stored: the event store's payloads and metadata were
 * written by the platform's one mapper, so reading them into a tree only to write the tree again gives the same
 * bytes at the cost of a parse, a tree and a serialization per event.
 *
 * @param text a complete JSON value
 */
public record RawJson(String text) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator json, SerializerProvider serializers) throws IOException {
        json.writeRawValue(text);
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializerProvider serializers, TypeSerializer type)
            throws IOException {
        serialize(json, serializers);
    }
}
