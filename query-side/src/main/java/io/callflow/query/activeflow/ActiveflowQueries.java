package io.callflow.query.activeflow;

import io.callflow.domain.common.Timestamps;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_ACTIONS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_VARIABLES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowResource;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.flow.FlowId;
import io.callflow.projection.jooq.tables.records.ActiveflowsRecord;
import io.callflow.query.ListCursor;
import io.callflow.query.StoredJson;
import io.callflow.query.Times;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Activeflows of one customer, from the {@code activeflows} projection and its children.
 * Deleted activeflows are not found, as on the command side.
 */
@Service
public class ActiveflowQueries {
    private final DSLContext sql;

    public ActiveflowQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** What a list may be narrowed to; null fields do not narrow. */
    public record Filter(String status, FlowId flowId) {
        public static final Filter NONE = new Filter(null, null);
    }

    /** Newest first by {@code (tm_create, id)}. */
    public Page<ActiveflowResource> list(CustomerId customer, Filter filter, int pageSize,
                                         Optional<ListCursor> cursor) {
        Condition where = ACTIVEFLOWS.CUSTOMER_ID.eq(customer.value()).and(ACTIVEFLOWS.TM_DELETE.isNull());
        if (filter.status() != null) {
            where = where.and(ACTIVEFLOWS.STATUS.eq(filter.status()));
        }
        if (filter.flowId() != null) {
            where = where.and(ACTIVEFLOWS.FLOW_ID.eq(filter.flowId().value()));
        }
        if (cursor.isPresent()) {
            where = where.and(cursor.get().seek(ACTIVEFLOWS.TM_CREATE, ACTIVEFLOWS.ID));
        }
        List<ActiveflowsRecord> rows = sql.selectFrom(ACTIVEFLOWS)
                .where(where)
                .orderBy(ACTIVEFLOWS.TM_CREATE.desc(), ACTIVEFLOWS.ID.desc())
                .limit(pageSize)
                .fetch();
        if (rows.isEmpty()) {
            return new Page<>("", List.of());
        }
        List<UUID> ids = rows.stream().map(ActiveflowsRecord::getId).toList();
        Map<UUID, List<Action>> executed = executedActions(ids);
        Map<UUID, Map<String, String>> variables = variables(ids);
        ActiveflowsRecord last = rows.get(rows.size() - 1);
        return new Page<>(ListCursor.after(last.getTmCreate().toInstant(), last.getId()), rows.stream()
                .map(r -> resource(r, executed.getOrDefault(r.getId(), List.of()),
                        variables.getOrDefault(r.getId(), Map.of())))
                .toList());
    }

    public ActiveflowResource get(CustomerId customer, ActiveflowId id) {
        ActiveflowsRecord row = sql.selectFrom(ACTIVEFLOWS)
                .where(ACTIVEFLOWS.ID.eq(id.value()), ACTIVEFLOWS.CUSTOMER_ID.eq(customer.value()),
                        ACTIVEFLOWS.TM_DELETE.isNull())
                .fetchOptional()
                .orElseThrow(() -> new NotFound("activeflow " + id));
        List<UUID> ids = List.of(row.getId());
        return resource(row, executedActions(ids).getOrDefault(row.getId(), List.of()),
                variables(ids).getOrDefault(row.getId(), Map.of()));
    }

    /** Each activeflow's executed actions in step order, as they ran (after substitution). */
    private Map<UUID, List<Action>> executedActions(Collection<UUID> activeflowIds) {
        Map<UUID, List<Action>> byActiveflow = new HashMap<>();
        sql.select(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.ACTION_ID, ACTIVEFLOW_ACTIONS.NEXT_ID,
                        ACTIVEFLOW_ACTIONS.TYPE, ACTIVEFLOW_ACTIONS.OPTION)
                .from(ACTIVEFLOW_ACTIONS)
                .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.in(activeflowIds))
                .orderBy(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, ACTIVEFLOW_ACTIONS.STEP)
                .forEach(r -> byActiveflow.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Action(r.value2(), r.value3(), r.value4(), option(StoredJson.tree(r.value5())))));
        return byActiveflow;
    }

    /** Each activeflow's variables, by name. */
    private Map<UUID, Map<String, String>> variables(Collection<UUID> activeflowIds) {
        Map<UUID, Map<String, String>> byActiveflow = new HashMap<>();
        sql.select(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME, ACTIVEFLOW_VARIABLES.VALUE)
                .from(ACTIVEFLOW_VARIABLES)
                .where(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID.in(activeflowIds))
                .orderBy(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, ACTIVEFLOW_VARIABLES.NAME)
                .forEach(r -> byActiveflow.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                        .put(r.value2(), r.value3()));
        return byActiveflow;
    }

    private static ObjectNode option(JsonNode stored) {
        return stored instanceof ObjectNode object ? object : null;
    }

    private static ActiveflowResource resource(ActiveflowsRecord r, List<Action> executed,
                                               Map<String, String> variables) {
        return new ActiveflowResource(r.getId(), r.getCustomerId(), r.getFlowId(), r.getFlowVersion(),
                r.getStatus(), r.getReferenceType(), r.getReferenceId(), r.getReferenceActiveflowId(),
                r.getOnCompleteFlowId(), StoredJson.action(r.getCurrentAction()), r.getForwardActionId(), executed,
                variables, r.getExecuteCount(), r.getStopReason(), r.getStopDetail(), Timestamps.format(r.getTmCreate()),
                Timestamps.format(r.getTmUpdate()), Timestamps.format(r.getTmEnd()), Timestamps.format(r.getTmDelete()));
    }
}
