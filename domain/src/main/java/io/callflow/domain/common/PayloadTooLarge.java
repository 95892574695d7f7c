package io.callflow.domain.common;

/** A request body over the size the endpoint accepts. */
public class PayloadTooLarge extends RuntimeException {
    public PayloadTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
