package io.callflow.domain.call;

import java.util.EnumSet;
import java.util.Set;

/** The call status machine, exactly as the reference's table 6.1: any other transition, or the same status again, is refused. */
public enum CallStatus {
    DIALING, RINGING, PROGRESSING, TERMINATING, CANCELING, HANGUP;

    public boolean canMoveTo(CallStatus next) {
        return next(this).contains(next);
    }

    private static Set<CallStatus> next(CallStatus from) {
        return switch (from) {
            case DIALING -> EnumSet.of(RINGING, PROGRESSING, TERMINATING, CANCELING, HANGUP);
            case RINGING -> EnumSet.of(PROGRESSING, TERMINATING, CANCELING, HANGUP);
            case PROGRESSING -> EnumSet.of(TERMINATING, HANGUP);
            case TERMINATING, CANCELING -> EnumSet.of(HANGUP);
            case HANGUP -> EnumSet.noneOf(CallStatus.class);
        };
    }

    public boolean ended() {
        return this == HANGUP;
    }
}
