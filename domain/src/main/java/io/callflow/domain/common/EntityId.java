package io.callflow.domain.common;

import java.util.UUID;

/**
 * A typed resource id. Every id record implements this, so JSON carries it as a
 * plain UUID string and Axon routes commands by {@link #toString()}.
 */
public interface EntityId {
    UUID value();
}
