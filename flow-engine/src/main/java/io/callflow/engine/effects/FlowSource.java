package io.callflow.engine.effects;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import java.util.Optional;

/** Where {@code fetch_flow} reads another flow's current actions (as JSON), for the same customer only. */
public interface FlowSource {
    Optional<JsonNode> actionsOf(FlowId flowId, CustomerId customerId);
}
