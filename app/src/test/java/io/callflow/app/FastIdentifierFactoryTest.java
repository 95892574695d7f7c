package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.app.axon.FastIdentifierFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class FastIdentifierFactoryTest {

    @Test
    void axon_uses_it_and_it_makes_distinct_version_4_uuids() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(FastIdentifierFactory.class);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = IdentifierFactory.getInstance().generateIdentifier();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
