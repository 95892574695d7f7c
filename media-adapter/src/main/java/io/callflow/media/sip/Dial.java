package io.callflow.media.sip;

import java.time.Duration;

/**
 * An outbound call to make. {@code requestUri} is the full SIP URI to send the INVITE to
 * (for a {@code tel:} destination the platform builds {@code sip:<number>@<trunk host>:<port>}
 * and passes the trunk); {@code trunk} is null for direct SIP. {@code ringTimeout} ends an
 * unanswered call with {@link io.callflow.domain.call.HangupCause#DIAL_TIMEOUT} (VoIPbin's {@code dialout}).
 *
 * <p>{@code anonymous} withholds the caller id (RFC 3323): the INVITE says
 * {@code From: "Anonymous" <sip:anonymous@anonymous.invalid>} and {@code Privacy: id}.
 */
public record Dial(String requestUri, String fromUser, String fromDisplayName, TrunkAccount trunk,
                   Duration ringTimeout, boolean anonymous) {
    public Dial(String requestUri, String fromUser, String fromDisplayName, TrunkAccount trunk, Duration ringTimeout) {
        this(requestUri, fromUser, fromDisplayName, trunk, ringTimeout, false);
    }
}
