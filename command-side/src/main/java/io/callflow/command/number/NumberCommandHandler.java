package io.callflow.command.number;

import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.number.CreateNumber;
import io.callflow.domain.number.DeleteNumber;
import io.callflow.domain.number.NumberClaims;
import io.callflow.domain.number.NumberKey;
import io.callflow.domain.number.NumberResource;
import io.callflow.domain.number.UpdateNumber;
import io.callflow.engine.effects.FlowSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Every number command. The rules that need more than one number — a value belongs to one active
 * number at a time, and a number's flow is a flow of its customer — are checked here, inside the
 * command's unit of work and so its database transaction: a claim taken here commits or rolls back
 * with the number's events (docs/decisions/0003-number-uniqueness.md).
 */
public class NumberCommandHandler {
    private final Repository<Number> numbers;
    private final NumberClaims claims;
    private final FlowSource flows;

    public NumberCommandHandler(Repository<Number> numbers, NumberClaims claims, FlowSource flows) {
        this.numbers = numbers;
        this.claims = claims;
        this.flows = flows;
    }

    @CommandHandler
    public NumberResource handle(CreateNumber command) throws Exception {
        requireFlowOf(command.customerId(), command.callFlowId());
        if (!claims.claim(NumberKey.of(command.number()), command.numberId())) {
            throw new Conflict("number " + command.number() + " is in use");
        }
        Aggregate<Number> number = numbers.newInstance(() -> new Number(command));
        return number.invoke(Number::resource);
    }

    @CommandHandler
    public NumberResource handle(UpdateNumber command) {
        Aggregate<Number> number = numbers.load(command.numberId().toString());
        number.execute(n -> n.requireVisibleTo(command.customerId()));
        requireFlowOf(command.customerId(), command.callFlowId());
        return number.invoke(n -> n.update(command));
    }

    @CommandHandler
    public NumberResource handle(DeleteNumber command) {
        Aggregate<Number> number = numbers.load(command.numberId().toString());
        NumberResource deleted = number.invoke(n -> n.delete(command));
        claims.release(NumberKey.of(deleted.number()), command.numberId());
        return deleted;
    }

    /** From the flow's own events, so a flow created a moment ago counts and one deleted a moment ago does not. */
    private void requireFlowOf(CustomerId customer, FlowId flowId) {
        if (flowId == null) {
            return;
        }
        boolean found;
        try {
            found = flows.actionsOf(flowId, customer).isPresent();
        } catch (IncompatibleAggregateException e) {
            found = false; // the id of another kind of aggregate (a number, a trunk): its events make no flow
        }
        if (!found) {
            throw new BadRequest("/call_flow_id", "is not a flow of this customer");
        }
    }
}
