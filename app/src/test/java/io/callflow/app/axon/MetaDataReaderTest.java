package io.callflow.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.domain.common.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class MetaDataReaderTest {
    @Test
    void reads_metadata_as_axons_own_deserializer_does() {
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(Json.build()).build();
        JacksonSerializer ours = JacksonSerializer.builder().objectMapper(Json.build()).build();
        ours.getObjectMapper().registerModule(MetaDataReader.module());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("actor", "accesskey:6c1d2b8e-0000-4000-8000-000000000001");
        values.put("traceId", "f2b0c7de-4c1c-4b7e-9f53-0a8f1b2c3d4e");
        values.put("count", 3);
        values.put("nothing", null);
        values.put("nested", Map.of("list", List.of(1, "two", false)));
        MetaData metaData = MetaData.from(values);

        for (int i = 0; i < 3; i++) { // the map's deserializer, found once, serves every later read
            SerializedObject<byte[]> stored = axons.serialize(metaData, byte[].class);
            MetaData read = ours.deserialize(stored);
            assertThat(read).isEqualTo(axons.<byte[], MetaData>deserialize(stored)).isEqualTo(metaData);
        }
        SerializedObject<byte[]> empty = axons.serialize(MetaData.emptyInstance(), byte[].class);
        assertThat(Arrays.equals(empty.getData(), "{}".getBytes())).isTrue();
        assertThat(ours.<byte[], MetaData>deserialize(empty)).isEmpty();
    }
}
