package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;

/**
 * What the SIP edge tells the platform about one call. Called off the SIP stack's thread
 * (implementations may block briefly, e.g. to send a command); each method at most once,
 * except {@link #digit}, which is called once per key press however many RFC 4733 end
 * packets or INFO requests carried it.
 */
public interface CallListener {
    /** The first 180 or 183 (outbound) / we sent 180 (inbound). */
    default void ringing() {
    }

    /** 183 with SDP: early media flows (outbound only). */
    default void progressing() {
    }

    /** 200 OK and ACK: the call is up and media flows. */
    void answered();

    /** The call ended; {@code byRemote} when the far end sent BYE/CANCEL or a final error. */
    void ended(HangupCause cause, boolean byRemote, int sipStatus);

    /** A key press (0-9, *, #, A-D) by RFC 4733 or SIP INFO. */
    void digit(char digit);
}
