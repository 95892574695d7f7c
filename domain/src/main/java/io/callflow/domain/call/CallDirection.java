package io.callflow.domain.call;

/** Who started the call. */
public enum CallDirection { INCOMING, OUTGOING }
