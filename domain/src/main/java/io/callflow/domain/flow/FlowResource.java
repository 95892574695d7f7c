package io.callflow.domain.flow;

import com.fasterxml.jackson.annotation.JsonProperty;
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
    /** VoIPbin's direct-call address of the flow (reference 1.5); none is assigned here, so it is never set. */
    @JsonProperty("direct_id")
    public UUID directId() {
        return null;
    }

    @JsonProperty("direct_hash")
    public String directHash() {
        return "";
    }
}
