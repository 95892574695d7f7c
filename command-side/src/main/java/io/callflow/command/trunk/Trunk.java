package io.callflow.command.trunk;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.trunk.CreateTrunk;
import io.callflow.domain.trunk.DeleteTrunk;
import io.callflow.domain.trunk.TrunkCreated;
import io.callflow.domain.trunk.TrunkDeleted;
import io.callflow.domain.trunk.TrunkId;
import io.callflow.domain.trunk.TrunkResource;
import io.callflow.domain.trunk.TrunkTransport;
import io.callflow.domain.trunk.TrunkUpdated;
import io.callflow.domain.trunk.UpdateTrunk;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's SIP trunk. It knows whether it has a password, never the password itself
 * ({@link TrunkCommandHandler} keeps that in the trunk secrets).
 */
@Aggregate
public class Trunk {
    @AggregateIdentifier
    private TrunkId trunkId;
    private CustomerId customerId;
    private String name;
    private String host;
    private int port;
    private TrunkTransport transport;
    private String username;
    private boolean passwordSet;
    private Instant created;
    private Instant updated;
    private Instant deleted;

    Trunk(CreateTrunk command) {
        apply(new TrunkCreated(command.trunkId(), command.customerId(), command.name(), command.host(),
                command.port(), command.transport(), command.username(), !command.password().isEmpty(),
                command.at()));
    }

    /**
     * Applies no event when nothing would change; {@code passwordChanged} says whether the command's
     * password differs from the stored one, which only the handler can read.
     */
    TrunkResource update(UpdateTrunk command, boolean passwordChanged) {
        requireVisibleTo(command.customerId());
        boolean newPasswordSet = command.password() == null ? passwordSet : !command.password().isEmpty();
        if (passwordChanged || !Objects.equals(name, command.name()) || !Objects.equals(host, command.host())
                || port != command.port() || transport != command.transport()
                || !Objects.equals(username, command.username())) {
            apply(new TrunkUpdated(trunkId, customerId, command.name(), command.host(), command.port(),
                    command.transport(), command.username(), newPasswordSet, passwordChanged, command.at()));
        }
        return resource();
    }

    TrunkResource delete(DeleteTrunk command) {
        requireVisibleTo(command.customerId());
        apply(new TrunkDeleted(trunkId, customerId, command.at()));
        return resource();
    }

    void requireVisibleTo(CustomerId caller) {
        if (deleted != null || !customerId.equals(caller)) {
            throw new NotFound("trunk " + trunkId);
        }
    }

    TrunkResource resource() {
        return new TrunkResource(trunkId.value(), customerId.value(), name, host, port,
                transport.name().toLowerCase(), username, Timestamps.format(created), Timestamps.format(updated),
                Timestamps.format(deleted));
    }

    @EventSourcingHandler
    void on(TrunkCreated event) {
        trunkId = event.trunkId();
        customerId = event.customerId();
        created = event.at();
        assign(event.name(), event.host(), event.port(), event.transport(), event.username(), event.passwordSet(),
                event.at());
    }

    @EventSourcingHandler
    void on(TrunkUpdated event) {
        assign(event.name(), event.host(), event.port(), event.transport(), event.username(), event.passwordSet(),
                event.at());
    }

    @EventSourcingHandler
    void on(TrunkDeleted event) {
        deleted = event.at();
        updated = event.at();
    }

    private void assign(String newName, String newHost, int newPort, TrunkTransport newTransport, String newUsername,
                        boolean newPasswordSet, Instant at) {
        name = newName;
        host = newHost;
        port = newPort;
        transport = newTransport;
        username = newUsername;
        passwordSet = newPasswordSet;
        updated = at;
    }

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Trunk() {
    }
}
