package io.callflow.command.trunk;

import io.callflow.domain.trunk.CreateTrunk;
import io.callflow.domain.trunk.DeleteTrunk;
import io.callflow.domain.trunk.TrunkResource;
import io.callflow.domain.trunk.TrunkSecrets;
import io.callflow.domain.trunk.UpdateTrunk;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Every trunk command. The password is written to the trunk secrets here, inside the command's unit
 * of work, so it is stored exactly when the trunk's event is, and only after the aggregate accepted
 * the command (another customer's trunk never gets as far as a write).
 */
public class TrunkCommandHandler {
    private final Repository<Trunk> trunks;
    private final TrunkSecrets secrets;

    public TrunkCommandHandler(Repository<Trunk> trunks, TrunkSecrets secrets) {
        this.trunks = trunks;
        this.secrets = secrets;
    }

    @CommandHandler
    public TrunkResource handle(CreateTrunk command) throws Exception {
        Aggregate<Trunk> trunk = trunks.newInstance(() -> new Trunk(command));
        secrets.put(command.trunkId(), command.password());
        return trunk.invoke(Trunk::resource);
    }

    @CommandHandler
    public TrunkResource handle(UpdateTrunk command) {
        Aggregate<Trunk> trunk = trunks.load(command.trunkId().toString());
        trunk.execute(t -> t.requireVisibleTo(command.customerId()));
        boolean passwordChanged = command.password() != null
                && !command.password().equals(secrets.password(command.trunkId()).orElse(""));
        TrunkResource updated = trunk.invoke(t -> t.update(command, passwordChanged));
        if (passwordChanged) {
            secrets.put(command.trunkId(), command.password());
        }
        return updated;
    }

    @CommandHandler
    public TrunkResource handle(DeleteTrunk command) {
        TrunkResource deleted = trunks.load(command.trunkId().toString()).invoke(t -> t.delete(command));
        secrets.remove(command.trunkId());
        return deleted;
    }
}
