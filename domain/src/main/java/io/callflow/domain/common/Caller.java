package io.callflow.domain.common;

/** Who sent a request: the customer an API key belongs to, the key itself, and whether it may administer customers. */
public record Caller(CustomerId customerId, AccesskeyId accesskeyId, boolean admin) {
    /** The request attribute the authentication filter puts the caller in. */
    public static final String ATTRIBUTE = "callflow.caller";
}
