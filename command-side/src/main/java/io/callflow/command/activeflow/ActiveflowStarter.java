package io.callflow.command.activeflow;

import io.callflow.command.flow.Flow;
import io.callflow.command.flow.RunnableFlow;
import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowResource;
import io.callflow.domain.activeflow.StartActiveflow;
import io.callflow.domain.activeflow.StartOnCompleteActiveflow;
import io.callflow.domain.common.NotFound;
import io.callflow.engine.interpreter.ExecutionState;
import io.callflow.domain.flow.FlowId;
import io.callflow.engine.interpreter.Interpreter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Starts activeflows. It reads the flow from its own events (not from a
 * projection that may lag), pins that version, and writes the reserved
 * {@code voipbin.activeflow.*} variables last so they cannot be forged.
 */
public class ActiveflowStarter {
    private final Repository<Flow> flows;
    private final Repository<Activeflow> activeflows;

    public ActiveflowStarter(Repository<Flow> flows, Repository<Activeflow> activeflows) {
        this.flows = flows;
        this.activeflows = activeflows;
    }

    @CommandHandler
    public ActiveflowResource handle(StartActiveflow command, Interpreter interpreter, DeadlineManager deadlines)
            throws Exception {
        FlowId flowId = command.flowId();
        Integer version = null;
        List<Action> actions = command.actions();
        FlowId onComplete = null;
        if (flowId != null) {
            RunnableFlow flow = flows.load(flowId.toString()).invoke(f -> f.runnableFor(command.customerId()));
            version = flow.version();
            actions = flow.actions();
            onComplete = flow.onCompleteFlowId();
        }
        ActiveflowCreated created = new ActiveflowCreated(command.activeflowId(), command.customerId(), flowId,
                version, actions, command.referenceType(), command.referenceId(), command.referenceActiveflowId(),
                onComplete, command.completeCount(), variables(command, flowId), command.at());
        Aggregate<Activeflow> activeflow = activeflows.newInstance(
                () -> new Activeflow(created, interpreter, deadlines));
        return activeflow.invoke(Activeflow::resource);
    }

    /** Reference 3.10: the child inherits the parent's variables and reference, and counts one more link. */
    @CommandHandler
    public ActiveflowResource handle(StartOnCompleteActiveflow command, Interpreter interpreter,
                                     DeadlineManager deadlines) throws Exception {
        ExecutionState parent = activeflows.load(command.parentActiveflowId().toString()).invoke(Activeflow::state);
        if (parent.onCompleteFlowId() == null) {
            throw new NotFound("on-complete flow of activeflow " + command.parentActiveflowId());
        }
        return handle(new StartActiveflow(command.activeflowId(), command.customerId(), parent.onCompleteFlowId(),
                null, parent.referenceType(), parent.referenceId(), command.parentActiveflowId(),
                parent.completeCount() + 1, parent.variables(), command.at()), interpreter, deadlines);
    }

    private static Map<String, String> variables(StartActiveflow command, FlowId flowId) {
        Map<String, String> variables = new HashMap<>(command.variables());
        variables.put("voipbin.activeflow.id", command.activeflowId().toString());
        variables.put("voipbin.activeflow.reference_type", command.referenceType().name().toLowerCase());
        variables.put("voipbin.activeflow.reference_id",
                command.referenceId() == null ? "" : command.referenceId().toString());
        variables.put("voipbin.activeflow.reference_activeflow_id",
                command.referenceActiveflowId() == null ? "" : command.referenceActiveflowId().toString());
        variables.put("voipbin.activeflow.flow_id", flowId == null ? "" : flowId.toString());
        variables.put("voipbin.activeflow.complete_count", Integer.toString(command.completeCount()));
        return Map.copyOf(variables);
    }
}
