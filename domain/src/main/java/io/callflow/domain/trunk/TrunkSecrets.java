package io.callflow.domain.trunk;

import java.util.Optional;

/**
 * Trunk passwords, kept apart from the event store (whose payloads the events API shows and which
 * is never rewritten) and written in the transaction of the command that sets them.
 */
public interface TrunkSecrets {
    Optional<String> password(TrunkId id);

    /** Sets the password; {@code ""} removes it. */
    void put(TrunkId id, String password);

    void remove(TrunkId id);
}
