package io.callflow.media.sip;

/** The SIP user agent: inbound calls go to {@link InboundCalls}, outbound calls start here. */
public interface SipEdge extends AutoCloseable {
    /** Sends the INVITE (from a worker, never blocking the caller for network I/O) and reports to {@code listener}. */
    SipCall dial(Dial dial, CallListener listener);

    /** Calls still up or being set up (for leak checks in tests and for the dashboard). */
    int liveCalls();

    @Override
    void close();
}
