package io.callflow.media.sip;

/** Where and how to reach a SIP trunk; username/password answer a 401/407 digest challenge once. */
public record TrunkAccount(String host, int port, String transport, String username, String password) {
}
