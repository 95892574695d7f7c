package io.callflow.domain.call;

import java.util.Locale;
import java.util.Optional;

/**
 * VoIPbin's {@code hangup_reason} values (note {@code cancel}, not "canceled"), how a
 * requested one becomes a signalling cause (reference 6.2), and how the last status and
 * the cause decide the final one (6.3).
 */
public enum HangupReason {
    NORMAL, FAILED, BUSY, CANCEL, TIMEOUT, NOANSWER, DIALOUT, AMD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HangupReason> fromWireName(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(NORMAL);
        }
        for (HangupReason reason : values()) {
            if (reason.wireName().equals(text)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** The cause a local hangup with this reason is signalled with (6.2). */
    public HangupCause cause() {
        return switch (this) {
            case NORMAL, CANCEL, TIMEOUT -> HangupCause.NORMAL_CLEARING;
            case FAILED -> HangupCause.FAILED;
            case BUSY -> HangupCause.USER_BUSY;
            case NOANSWER, DIALOUT -> HangupCause.NO_ANSWER;
            case AMD -> HangupCause.AMD;
        };
    }

    /** The final reason from the last status before hangup and the cause (6.3). */
    public static HangupReason of(CallDirection direction, CallStatus lastStatus, HangupCause cause) {
        boolean unanswered = lastStatus == CallStatus.DIALING || lastStatus == CallStatus.RINGING;
        if (direction == CallDirection.OUTGOING) {
            if (unanswered) {
                return switch (cause) {
                    case NO_ANSWER, CALL_REJECTED -> NOANSWER;
                    case USER_BUSY -> BUSY;
                    case NORMAL_CLEARING, ANSWERED_ELSEWHERE -> NORMAL;
                    case UNKNOWN, DIAL_TIMEOUT -> DIALOUT;
                    default -> FAILED;
                };
            }
            return switch (lastStatus) {
                case PROGRESSING -> cause == HangupCause.DURATION_TIMEOUT ? TIMEOUT : NORMAL;
                case TERMINATING -> cause == HangupCause.AMD ? AMD : NORMAL;
                case CANCELING -> CANCEL;
                default -> NORMAL;
            };
        }
        if (unanswered) {
            return switch (cause) {
                case NO_ANSWER -> NOANSWER;
                case USER_BUSY -> BUSY;
                default -> NORMAL;
            };
        }
        return lastStatus == CallStatus.PROGRESSING && cause == HangupCause.DURATION_TIMEOUT ? TIMEOUT : NORMAL;
    }
}
