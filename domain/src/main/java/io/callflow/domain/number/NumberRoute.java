package io.callflow.domain.number;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;

/** Where a call to a number goes: its owner and the flow to start (null when none is set). */
public record NumberRoute(NumberId numberId, CustomerId customerId, String number, FlowId flowId) {
}
