package io.callflow.media.sip;

/** The platform's answer to an incoming INVITE. */
public sealed interface Admission {
    /** Take the call; the edge reports what happens to it to {@code listener}. */
    record Accept(CallListener listener) implements Admission {
    }

    /** Answer with this final status (404 for an unknown number, 480, 503 ...); the call and its RTP port are released. */
    record Reject(int status, String reason) implements Admission {
    }
}
