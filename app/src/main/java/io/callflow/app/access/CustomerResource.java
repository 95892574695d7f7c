package io.callflow.app.access;

import java.util.UUID;

/** A customer (tenant) as the API shows it. */
public record CustomerResource(UUID id, String name, String detail, String tmCreate, String tmUpdate,
                               String tmDelete) {
}
