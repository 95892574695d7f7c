package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import io.callflow.media.mixer.LegMedia;

/** A live SIP dialog (inbound or outbound) and its RTP session. Every method returns at once and never throws for a call that already ended. */
public interface SipCall {
    /** The SIP Call-ID. */
    String sipCallId();

    /** The far end's signalling address, host:port. */
    String peer();

    /** The audio of this call; valid from creation (inbound) or from 183/200 (outbound) until it ends. */
    LegMedia media();

    /** Inbound: send 180 Ringing. */
    void ring();

    /** Inbound: send 200 OK with our SDP answer; {@link CallListener#answered()} follows the ACK. */
    void answer();

    /** Ends the call whatever its state: BYE when up, CANCEL when an outbound call is still ringing, a final error answer (486/480/603/...) for an inbound one not yet answered. {@link CallListener#ended} follows. */
    void hangup(HangupCause cause);

    /** Send one key by RFC 4733 (falls back to SIP INFO when the peer offered no telephone-event). */
    void sendDigit(char digit, int durationMs);
}
