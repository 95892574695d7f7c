package io.callflow.command.call;

import io.callflow.command.activeflow.ActiveflowStarter;
import io.callflow.domain.call.AdmitIncomingCall;
import io.callflow.engine.interpreter.Interpreter;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;

/**
 * Admits an incoming call: creates the Call and starts its activeflow in the same unit of work,
 * so the events of both (the call created ringing, the flow run until it waits) commit together
 * or not at all.
 */
public class CallAdmitter {
    private final Repository<Call> calls;
    private final ActiveflowStarter activeflows;

    public CallAdmitter(Repository<Call> calls, ActiveflowStarter activeflows) {
        this.calls = calls;
        this.activeflows = activeflows;
    }

    @CommandHandler
    public void handle(AdmitIncomingCall command, Interpreter interpreter, DeadlineManager deadlines)
            throws Exception {
        calls.newInstance(() -> new Call(command.call()));
        activeflows.handle(command.flow(), interpreter, deadlines);
    }
}
