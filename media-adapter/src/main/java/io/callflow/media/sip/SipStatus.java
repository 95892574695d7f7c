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

    /**
     * Why a caller gave up (its CANCEL), from the request's RFC 3326 {@code Reason} header: a Q.850 cause
     * ({@code Reason: Q.850;cause=19}) or a SIP status ({@code Reason: SIP;cause=200}, answered elsewhere).
     * Without one it is normal clearing, the cause a SIP gateway such as VoIPbin's Asterisk gives a CANCEL,
     * so an incoming call the caller abandons ends {@code normal} (reference 6.3, incoming table).
     */
    static HangupCause causeOfReason(javax.sip.message.Request request) {
        java.util.ListIterator<?> reasons = request.getHeaders("Reason");
        while (reasons != null && reasons.hasNext()) {
            String reason = reasons.next().toString().toLowerCase(java.util.Locale.ROOT);
            java.util.regex.Matcher cause = REASON_CAUSE.matcher(reason);
            if (!cause.find()) {
                continue;
            }
            int code = Integer.parseInt(cause.group(1));
            if (reason.contains("q.850")) {
                return switch (code) {
                    case 17 -> HangupCause.USER_BUSY;
                    case 18, 19 -> HangupCause.NO_ANSWER;
                    case 21 -> HangupCause.CALL_REJECTED;
                    case 26 -> HangupCause.ANSWERED_ELSEWHERE;
                    default -> HangupCause.NORMAL_CLEARING;
                };
            }
            if (reason.contains("sip")) {
                return code == 200 ? HangupCause.ANSWERED_ELSEWHERE
                        : code >= 300 ? causeOf(code) : HangupCause.NORMAL_CLEARING;
            }
        }
        return HangupCause.NORMAL_CLEARING;
    }

    private static final java.util.regex.Pattern REASON_CAUSE = java.util.regex.Pattern.compile("cause\\s*=\\s*(\\d{1,3})");

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
