package io.callflow.domain.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Instants through {@link InstantText}: the same text as the JSR-310 module writes (ISO-8601, UTC), read
 * and written without a {@code DateTimeFormatter}; whatever is not in that one shape goes to the JSR-310
 * module's own deserializer and serializer, so nothing that was read or written before changes.
 */
final class InstantModule extends SimpleModule {
    InstantModule() {
        super("instant-text");
        addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.hasToken(JsonToken.VALUE_STRING)) {
                    Instant parsed = InstantText.parse(parser.getText());
                    if (parsed != null) {
                        return parsed;
                    }
                }
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }
        });
        addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                if (InstantText.writable(value) && !provider.isEnabled(
                        com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                    generator.writeString(InstantText.iso(value));
                } else {
                    InstantSerializer.INSTANCE.serialize(value, generator, provider);
                }
            }
        });
    }
}
