package io.callflow.app.axon;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Message ids (random version-4 UUIDs) without {@link UUID#randomUUID()}'s one shared
 * SecureRandom, whose lock the benchmark profile showed contended under concurrent commands.
 * Uniqueness is still checked where it matters: {@code eventidentifier} is a unique column.
 */
public class FastIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
