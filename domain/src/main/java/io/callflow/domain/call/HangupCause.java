package io.callflow.domain.call;

/**
 * Why the signalling of a call ended, as the SIP edge saw it. The Call aggregate turns
 * it, with the call's last status, into VoIPbin's {@code hangup_reason} (reference 6.3).
 */
public enum HangupCause {
    /** BYE, or a CANCEL we sent for a local hangup. */
    NORMAL_CLEARING,
    /** 486 Busy Here, 600 Busy Everywhere. */
    USER_BUSY,
    /** 480 Temporarily Unavailable, 483: the far end said nobody answered. */
    NO_ANSWER,
    /** 603 Decline, 403 Forbidden. */
    CALL_REJECTED,
    /**
     * Our own ring timeout ran out before the answer: VoIPbin's {@code dialout} ("the call reached
     * the dialing timeout before it was answered; this timeout is fired by our time out").
     */
    DIAL_TIMEOUT,
    /** Another leg of the same dial answered. */
    ANSWERED_ELSEWHERE,
    /** The call's longest duration ran out. */
    DURATION_TIMEOUT,
    /** Answering-machine detection hung the call up. */
    AMD,
    /**
     * A cause the signalling did not give (VoIPbin's "unknown"); like {@link #DIAL_TIMEOUT}, {@code dialout}.
     * No SIP status maps to it since statuses follow a gateway's Q.850 table; kept so stored events still read.
     */
    UNKNOWN,
    /** Anything else: 404 and the other 4xx, 5xx, 6xx but 600/603, transport errors, a failed authentication. */
    FAILED
}
