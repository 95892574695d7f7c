package io.callflow.engine.chain;

import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.StartOnCompleteActiveflow;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a flow's {@code on_complete_flow_id} when its activeflow stops (reference
 * 3.10). The stop already decided the child's id and whether the chain limit
 * allows one, so a redelivered event finds the child existing and does nothing.
 */
@ProcessingGroup(OnCompleteChain.GROUP)
public class OnCompleteChain {
    public static final String GROUP = "on-complete";
    private static final Logger log = LoggerFactory.getLogger(OnCompleteChain.class);

    private final CommandGateway commands;
    private final Clock clock;

    public OnCompleteChain(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(ActiveflowStopped event) {
        if (event.onCompleteActiveflowId() == null) {
            return;
        }
        try {
            commands.sendAndWait(new StartOnCompleteActiveflow(event.onCompleteActiveflowId(), event.activeflowId(),
                    event.customerId(), clock.instant()));
        } catch (AggregateStreamCreationException alreadyStarted) {
            log.debug("on-complete activeflow {} already exists", event.onCompleteActiveflowId());
        } catch (RuntimeException e) {
            // the on-complete flow may have been deleted since; the parent's history stays as it is
            log.warn("on-complete activeflow {} of {} did not start: {}", event.onCompleteActiveflowId(),
                    event.activeflowId(), e.getMessage());
        }
    }
}
