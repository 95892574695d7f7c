package io.callflow.domain.common;

/** The resource does not exist for this customer (another customer's resources are reported the same way). */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
