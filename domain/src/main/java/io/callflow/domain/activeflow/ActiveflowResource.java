package io.callflow.domain.activeflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.callflow.domain.action.Action;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An activeflow as the API shows it. {@code current_action} is the action after substitution. */
public record ActiveflowResource(
        UUID id,
        UUID customerId,
        UUID flowId,
        Integer flowVersion,
        String status,
        String referenceType,
        UUID referenceId,
        UUID referenceActiveflowId,
        UUID onCompleteFlowId,
        Action currentAction,
        UUID forwardActionId,
        List<Action> executedActions,
        Map<String, String> variables,
        int executeCount,
        String stopReason,
        String stopDetail,
        String tmCreate,
        String tmUpdate,
        String tmEnd,
        String tmDelete) {
    /** VoIPbin's per-activeflow webhook destination (reference 1.5); activeflows here have none of their own. */
    @JsonProperty("webhook_uri")
    public String webhookUri() {
        return "";
    }

    @JsonProperty("webhook_method")
    public String webhookMethod() {
        return "";
    }
}
