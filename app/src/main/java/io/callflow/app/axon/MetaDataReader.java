package io.callflow.app.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Reads an event's metadata as Axon's own {@code MetaDataDeserializer} does (a map of names to values), with
 * the map's deserializer looked up once instead of for every event: Axon's looks it up, and builds a new
 * contextual map deserializer, per call (an eighth of the activeflow projection's time in JFR, since every
 * processed event's metadata is read for the unit of work's correlation data).
 */
final class MetaDataReader extends JsonDeserializer<MetaData> implements ResolvableDeserializer {
    private JsonDeserializer<Object> map;

    /** Registered after Axon's serializer registered its own, so this one is used. */
    static SimpleModule module() {
        return new SimpleModule("callflow-metadata").addDeserializer(MetaData.class, new MetaDataReader());
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        map = context.findRootValueDeserializer(context.getTypeFactory()
                .constructMapType(HashMap.class, String.class, Object.class));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return MetaData.from((Map<String, ?>) map.deserialize(parser, context));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
            throws IOException {
        return types.deserializeTypedFromObject(parser, context);
    }
}
