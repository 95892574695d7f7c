package io.callflow.media.sip;

/**
 * An INVITE the edge has parsed and whose SDP offers a codec we speak; the platform
 * decides whether to take it. {@code number} is the user part of the request URI.
 */
public record IncomingInvite(String number, String fromUri, String fromDisplayName, String toUri, String transport,
                             SipCall call) {
}
