package io.callflow.domain.call;

/** Which side ended the call: {@code local} when the call was terminating or canceling, else {@code remote} (reference 6.3). */
public enum HangupBy { LOCAL, REMOTE }
