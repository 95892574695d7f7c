package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;

/** How final SIP statuses and hangup causes translate into each other. */
final class SipStatus {
    private SipStatus() {
    }

    /**
     * Why an outbound call ended, from the final error status the far end answered: the Q.850
     * cause a SIP gateway gives it (Asterisk's table, which VoIPbin's hangup reasons read), so
     * 486/600 are busy, 480/483 no answer, 403/603 rejected (VoIPbin's {@code noanswer}), and 404,
     * 408 (no user response), 484, 604 and every 5xx are failures.
     */
    static HangupCause causeOf(int status) {
        return switch (status) {
            case 486, 600 -> HangupCause.USER_BUSY;
            case 480, 483 -> HangupCause.NO_ANSWER;
            case 403, 603 -> HangupCause.CALL_REJECTED;
            default -> HangupCause.FAILED;
        };
    }

    /** The final error status that turns an unanswered inbound call away for {@code cause}. */
    static int statusFor(HangupCause cause) {
        return switch (cause) {
            case USER_BUSY -> 486;
            case CALL_REJECTED -> 603;
            case UNKNOWN -> 404;
            case FAILED -> 500;
            default -> 480;
        };
    }
}
