package io.callflow.domain.flow;

import io.callflow.domain.action.Action;
import java.util.List;
import java.util.UUID;

/** A flow as the API shows it. */
public record FlowResource(
        UUID id,
        UUID customerId,
        String type,
        String name,
        String detail,
        List<Action> actions,
        UUID onCompleteFlowId,
        int version,
        String tmCreate,
        String tmUpdate,
        String tmDelete) {
}
