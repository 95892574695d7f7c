package io.callflow.domain.call;

import io.callflow.domain.common.CustomerId;
import java.time.Instant;

/** What of the call is muted now: VoIPbin's {@code mute_direction}, {@code ""} (nothing), {@code in}, {@code out} or {@code both}. */
public record CallMuteChanged(CallId callId, CustomerId customerId, String muteDirection, Instant at)
        implements CallEvent {
}
