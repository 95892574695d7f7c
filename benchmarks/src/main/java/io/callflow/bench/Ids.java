package io.callflow.bench;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for the ids the benchmarks make. {@link UUID#randomUUID()} draws from
 * one shared SecureRandom behind a lock: with 32 senders on 2 cores the lock convoys, and a
 * profile showed the senders waiting on it for longer in total than anywhere in the platform.
 * The harness must not add that; the platform's own message ids still use it.
 */
final class Ids {
    private Ids() {
    }

    static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
