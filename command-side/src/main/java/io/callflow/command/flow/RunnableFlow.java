package io.callflow.command.flow;

import io.callflow.domain.action.Action;
import io.callflow.domain.flow.FlowId;
import java.util.List;

/** What an activeflow pins when it starts: the flow's version and that version's actions. */
public record RunnableFlow(FlowId flowId, int version, List<Action> actions, FlowId onCompleteFlowId) {
}
