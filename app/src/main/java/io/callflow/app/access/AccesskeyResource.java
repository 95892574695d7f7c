package io.callflow.app.access;

import java.util.UUID;

/** An API key's record; the key itself is only ever shown in the response that made it. */
public record AccesskeyResource(UUID id, UUID customerId, String name, String detail, boolean admin,
                                String tmCreate, String tmUpdate, String tmDelete) {
}
