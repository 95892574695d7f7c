package io.callflow.query.simulate;

import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;

import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActiveflowCreated;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.flow.FlowId;
import io.callflow.engine.interpreter.Interpreter;
import io.callflow.engine.replay.Simulation;
import io.callflow.engine.replay.SimulationReport;
import io.callflow.query.flow.FlowQueries;
import io.callflow.query.replay.ActiveflowHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Runs recorded activeflows of a flow through another version of its actions, with the interpreter the
 * platform runs today. Reads only: the histories come from the event store, nothing is sent anywhere.
 */
@Service
public class FlowSimulations {
    private final DSLContext sql;
    private final FlowQueries flows;
    private final ActiveflowHistory histories;
    private final Simulation simulation;

    public FlowSimulations(DSLContext sql, FlowQueries flows, ActiveflowHistory histories, Interpreter interpreter) {
        this.sql = sql;
        this.flows = flows;
        this.histories = histories;
        this.simulation = new Simulation(interpreter);
    }

    public SimulationResponse simulate(CustomerId customer, FlowId flowId, SimulationRequest request) {
        flows.get(customer, flowId); // 404 for a flow the caller does not have
        List<Action> actions = request.actions() != null ? request.actions() : version(customer, flowId,
                request.version());
        List<UUID> ids = request.activeflowIds().isEmpty() ? recent(customer, flowId, request.limit())
                : request.activeflowIds();
        List<SimulationResponse.Activeflow> results = new ArrayList<>(ids.size());
        int diverged = 0;
        for (int i = 0; i < ids.size(); i++) {
            List<ActiveflowEvent> history = history(customer, flowId, ids.get(i), request.activeflowIds().isEmpty()
                    ? null : "/activeflow_ids/" + i);
            SimulationReport report = simulation.simulate(history, actions, request.version());
            diverged += report.diverged() ? 1 : 0;
            results.add(new SimulationResponse.Activeflow(ids.get(i), ((ActiveflowCreated) history.get(0)).flowVersion(),
                    report.diverged(), report.recordedPath(), report.simulatedPath(), report.firstDifference(),
                    report.recorded(), report.simulated(), report.inputsUsed(), report.inputsRecorded()));
        }
        return new SimulationResponse(flowId.value(), request.version(), results.size(), diverged, results);
    }

    private List<Action> version(CustomerId customer, FlowId flowId, int version) {
        try {
            return flows.version(customer, flowId, version).actions();
        } catch (NotFound e) {
            throw new BadRequest("/version", "this flow has no version " + version);
        }
    }

    /** The flow's most recent activeflows, deleted ones too: their histories are still there. */
    private List<UUID> recent(CustomerId customer, FlowId flowId, int limit) {
        return sql.select(ACTIVEFLOWS.ID).from(ACTIVEFLOWS)
                .where(ACTIVEFLOWS.CUSTOMER_ID.eq(customer.value()), ACTIVEFLOWS.FLOW_ID.eq(flowId.value()))
                .orderBy(ACTIVEFLOWS.TM_CREATE.desc(), ACTIVEFLOWS.ID.desc())
                .limit(limit)
                .fetch(ACTIVEFLOWS.ID);
    }

    /** @param pointer where the id was named in the request; null when it came from the flow's own list */
    private List<ActiveflowEvent> history(CustomerId customer, FlowId flowId, UUID id, String pointer) {
        List<ActiveflowEvent> history;
        try {
            history = histories.events(customer, id);
        } catch (NotFound e) {
            if (pointer == null) {
                throw e;
            }
            throw new BadRequest(pointer, "no activeflow " + id);
        }
        ActiveflowCreated created = (ActiveflowCreated) history.get(0);
        if (pointer != null && !Objects.equals(created.flowId(), flowId)) {
            throw new BadRequest(pointer, "activeflow " + id + " did not run this flow");
        }
        return history;
    }
}
