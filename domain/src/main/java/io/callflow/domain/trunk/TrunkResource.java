package io.callflow.domain.trunk;

import java.util.UUID;

/** A trunk as the API shows it. The password is never shown: the field is left out. */
public record TrunkResource(
        UUID id,
        UUID customerId,
        String name,
        String host,
        int port,
        String transport,
        String username,
        String tmCreate,
        String tmUpdate,
        String tmDelete) {
}
