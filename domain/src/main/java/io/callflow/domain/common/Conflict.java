package io.callflow.domain.common;

/** The request collides with the resource's current state, for example a stale version on update. */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
