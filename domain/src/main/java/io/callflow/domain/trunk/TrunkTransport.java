package io.callflow.domain.trunk;

/** How SIP reaches a trunk; serialized lower case. */
public enum TrunkTransport {
    UDP, TCP
}
