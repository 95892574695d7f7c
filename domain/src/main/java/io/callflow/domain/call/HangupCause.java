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
    /** 480, 408, or our own ring timeout ran out. */
    NO_ANSWER,
    /** 603 Decline. */
    CALL_REJECTED,
    /** Another leg of the same dial answered. */
    ANSWERED_ELSEWHERE,
    /** The call's longest duration ran out. */
    DURATION_TIMEOUT,
    /** Answering-machine detection hung the call up. */
    AMD,
    /** 404 and other answers that say the destination does not exist. */
    UNKNOWN,
    /** Anything else: 5xx, transport errors, a failed authentication. */
    FAILED
}
