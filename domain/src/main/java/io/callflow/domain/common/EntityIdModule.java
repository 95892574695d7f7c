package io.callflow.domain.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.UUID;

/** Writes every {@link EntityId} as its UUID string and reads it back through the record's constructor. */
final class EntityIdModule extends SimpleModule {

    EntityIdModule() {
        super("entity-ids");
        addSerializer(EntityId.class, new StdSerializer<>(EntityId.class) {
            @Override
            public void serialize(EntityId id, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(id.value().toString());
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                if (!EntityId.class.isAssignableFrom(type.getRawClass()) || type.isInterface()) {
                    return null;
                }
                return new IdDeserializer(type.getRawClass());
            }
        });
    }

    private static final class IdDeserializer extends JsonDeserializer<Object> {
        private final Class<?> idType;
        private final Constructor<?> constructor;

        IdDeserializer(Class<?> idType) {
            this.idType = idType;
            try {
                this.constructor = idType.getDeclaredConstructor(UUID.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(idType + " has no (UUID) constructor", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return constructor.newInstance(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                return context.handleWeirdStringValue(idType, text, "not a UUID");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
