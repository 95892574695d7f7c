package io.callflow.media.sip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** Handles one SIP method on the stack's thread: answers at once, hands anything slow to a worker. */
interface RequestProcessor {
    /** {@code transaction} is null only for ACK. */
    void process(Request request, ServerTransaction transaction);
}
