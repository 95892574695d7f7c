package io.callflow.query.activeflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.callflow.query.RawJson;
import java.util.UUID;

/**
 * An activeflow as the query API shows it: the JSON shape of the command side's
 * {@link io.callflow.domain.activeflow.ActiveflowResource} (a test holds the two equal), with the parts
 * PostgreSQL already holds as JSON written as it builds them instead of read into objects and written again.
 *
 * @param currentAction   the action after substitution, {@code {id, next_id, type, option}} as the projection stores it
 *                        (JSONB, so its keys come in PostgreSQL's order, as every stored option does), or null
 * @param executedActions the actions as they ran, in step order: a JSON array of {@code {id, next_id, type, option}}
 * @param variables       the variables by name: a JSON object of strings
 */
public record ActiveflowView(
        UUID id,
        UUID customerId,
        UUID flowId,
        Integer flowVersion,
        String status,
        String referenceType,
        UUID referenceId,
        UUID referenceActiveflowId,
        UUID onCompleteFlowId,
        RawJson currentAction,
        UUID forwardActionId,
        RawJson executedActions,
        RawJson variables,
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
