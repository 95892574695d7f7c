package io.callflow.command.number;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.number.CreateNumber;
import io.callflow.domain.number.DeleteNumber;
import io.callflow.domain.number.NumberCreated;
import io.callflow.domain.number.NumberDeleted;
import io.callflow.domain.number.NumberId;
import io.callflow.domain.number.NumberResource;
import io.callflow.domain.number.NumberStatus;
import io.callflow.domain.number.NumberUpdated;
import io.callflow.domain.number.UpdateNumber;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A number a customer has taken, and the flow its calls start. Commands reach it through
 * {@link NumberCommandHandler}, which holds the claim on the number's value in the same transaction.
 */
@Aggregate
public class Number {
    @AggregateIdentifier
    private NumberId numberId;
    private CustomerId customerId;
    private String number;
    private FlowId callFlowId;
    private String name;
    private String detail;
    private Instant created;
    private Instant updated;
    private Instant deleted;

    Number(CreateNumber command) {
        apply(new NumberCreated(command.numberId(), command.customerId(), command.number(), command.callFlowId(),
                command.name(), command.detail(), command.at()));
    }

    /** Applies no event when nothing would change. */
    NumberResource update(UpdateNumber command) {
        requireVisibleTo(command.customerId());
        if (!Objects.equals(callFlowId, command.callFlowId()) || !Objects.equals(name, command.name())
                || !Objects.equals(detail, command.detail())) {
            apply(new NumberUpdated(numberId, customerId, command.callFlowId(), command.name(), command.detail(),
                    command.at()));
        }
        return resource();
    }

    NumberResource delete(DeleteNumber command) {
        requireVisibleTo(command.customerId());
        apply(new NumberDeleted(numberId, customerId, number, command.at()));
        return resource();
    }

    /** The value, for a check that must happen before the number is changed. */
    String number() {
        return number;
    }

    void requireVisibleTo(CustomerId caller) {
        if (deleted != null || !customerId.equals(caller)) {
            throw new NotFound("number " + numberId);
        }
    }

    NumberResource resource() {
        return new NumberResource(numberId.value(), customerId.value(), number,
                callFlowId == null ? null : callFlowId.value(), name, detail,
                (deleted == null ? NumberStatus.ACTIVE : NumberStatus.DELETED).name().toLowerCase(),
                Timestamps.format(created), Timestamps.format(updated), Timestamps.format(deleted));
    }

    @EventSourcingHandler
    void on(NumberCreated event) {
        numberId = event.numberId();
        customerId = event.customerId();
        number = event.number();
        callFlowId = event.callFlowId();
        name = event.name();
        detail = event.detail();
        created = event.at();
        updated = event.at();
    }

    @EventSourcingHandler
    void on(NumberUpdated event) {
        callFlowId = event.callFlowId();
        name = event.name();
        detail = event.detail();
        updated = event.at();
    }

    @EventSourcingHandler
    void on(NumberDeleted event) {
        deleted = event.at();
        updated = event.at();
    }

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Number() {
    }
}
