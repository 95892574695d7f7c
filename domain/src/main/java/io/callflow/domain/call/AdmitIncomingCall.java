package io.callflow.domain.call;

import io.callflow.domain.activeflow.StartActiveflow;

/**
 * Create an incoming call and start its flow as one unit: both aggregates' events commit in one
 * transaction, so the edge waits for one commit before it rings and the flow can answer.
 * {@code call} is incoming and {@code flow} refers to it.
 */
public record AdmitIncomingCall(CreateCall call, StartActiveflow flow) {
}
