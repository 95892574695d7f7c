package io.callflow.media.sip;

/**
 * Where the user agent listens and which ports RTP uses. {@code advertisedHost} goes into
 * Contact and SDP (defaults to the bind address).
 */
public record SipSettings(String bindAddress, int port, String advertisedHost, int rtpPortMin, int rtpPortMax) {
}
