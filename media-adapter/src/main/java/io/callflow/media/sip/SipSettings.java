package io.callflow.media.sip;

import java.time.Duration;

/**
 * Where the user agent listens and which ports RTP uses. {@code advertisedHost} goes into
 * Contact and SDP (defaults to the bind address). {@code maxCallDuration} ends any call that
 * lasts longer (VoIPbin's call-duration timeout, 1 hour by default): its reason is {@code timeout}.
 */
public record SipSettings(String bindAddress, int port, String advertisedHost, int rtpPortMin, int rtpPortMax,
                          Duration maxCallDuration) {
    /** VoIPbin's default call-duration timeout. */
    public static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofHours(1);

    public SipSettings(String bindAddress, int port, String advertisedHost, int rtpPortMin, int rtpPortMax) {
        this(bindAddress, port, advertisedHost, rtpPortMin, rtpPortMax, DEFAULT_MAX_CALL_DURATION);
    }
}
