package io.callflow.media.sip;

/** Decides about incoming calls. Called on a worker thread, never on the SIP stack's own thread, after 100 Trying was sent. */
@FunctionalInterface
public interface InboundCalls {
    Admission admit(IncomingInvite invite);
}
