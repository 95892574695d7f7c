package io.callflow.media.sip;

/**
 * An INVITE the edge has parsed and whose SDP offers a codec we speak; the platform
 * decides whether to take it. {@code number} is the user part of the request URI;
 * {@code callerWithheld} when the caller hid its identity (a {@code Privacy: id} header,
 * or {@code anonymous} as the From user).
 */
public record IncomingInvite(String number, String fromUri, String fromDisplayName, String toUri, String transport,
                             boolean callerWithheld, SipCall call) {
}
