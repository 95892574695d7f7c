package io.callflow.media.sip;

import java.time.Duration;

/**
 * An outbound call to make. {@code requestUri} is the full SIP URI to send the INVITE to
 * (for a {@code tel:} destination the platform builds {@code sip:<number>@<trunk host>:<port>}
 * and passes the trunk); {@code trunk} is null for direct SIP. {@code ringTimeout} ends an
 * unanswered call with {@link io.callflow.domain.call.HangupCause#NO_ANSWER}.
 */
public record Dial(String requestUri, String fromUser, String fromDisplayName, TrunkAccount trunk,
                   Duration ringTimeout) {
}
