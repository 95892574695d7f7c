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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.impl.DSL;
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

    /**
     * Each activeflow's executed actions in step order, as they ran (after substitution), as a JSON array of
     * {@code [action_id, next_id, type, option]}: read with the activeflow's own row, in the same statement.
     */
    private static final Field<JSON> EXECUTED = DSL.field(DSL
            .select(DSL.jsonArrayAgg(DSL.jsonArray(ACTIVEFLOW_ACTIONS.ACTION_ID, ACTIVEFLOW_ACTIONS.NEXT_ID,
                            ACTIVEFLOW_ACTIONS.TYPE, ACTIVEFLOW_ACTIONS.OPTION).nullOnNull())
                    .orderBy(ACTIVEFLOW_ACTIONS.STEP))
            .from(ACTIVEFLOW_ACTIONS)
            .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.eq(ACTIVEFLOWS.ID))).as("executed_actions");
    /** Each activeflow's variables by name, as a JSON array of {@code [name, value]}, in the same statement. */
    private static final Field<JSON> VARIABLES = DSL.field(DSL
            .select(DSL.jsonArrayAgg(DSL.jsonArray(ACTIVEFLOW_VARIABLES.NAME, ACTIVEFLOW_VARIABLES.VALUE).nullOnNull())
                    .orderBy(ACTIVEFLOW_VARIABLES.NAME))
            .from(ACTIVEFLOW_VARIABLES)
            .where(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID.eq(ACTIVEFLOWS.ID))).as("variables");
    private static final List<SelectFieldOrAsterisk> COLUMNS = List.of(ACTIVEFLOWS.asterisk(), EXECUTED, VARIABLES);

    /** Newest first by {@code (tm_create, id)}; one statement per page, children included. */
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
        List<Record> rows = sql.select(COLUMNS)
                .from(ACTIVEFLOWS)
                .where(where)
                .orderBy(ACTIVEFLOWS.TM_CREATE.desc(), ACTIVEFLOWS.ID.desc())
                .limit(pageSize)
                .fetch();
        if (rows.isEmpty()) {
            return new Page<>("", List.of());
        }
        Record last = rows.get(rows.size() - 1);
        return new Page<>(ListCursor.after(last.get(ACTIVEFLOWS.TM_CREATE).toInstant(), last.get(ACTIVEFLOWS.ID)),
                rows.stream().map(ActiveflowQueries::resource).toList());
    }

    public ActiveflowResource get(CustomerId customer, ActiveflowId id) {
        return sql.select(COLUMNS)
                .from(ACTIVEFLOWS)
                .where(ACTIVEFLOWS.ID.eq(id.value()), ACTIVEFLOWS.CUSTOMER_ID.eq(customer.value()),
                        ACTIVEFLOWS.TM_DELETE.isNull())
                .fetchOptional(ActiveflowQueries::resource)
                .orElseThrow(() -> new NotFound("activeflow " + id));
    }

    private static List<Action> executedActions(JSON aggregated) {
        if (aggregated == null) {
            return List.of();
        }
        JsonNode rows = StoredJson.tree(aggregated);
        List<Action> actions = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            actions.add(new Action(UUID.fromString(row.get(0).asText()),
                    row.get(1).isNull() ? null : UUID.fromString(row.get(1).asText()), row.get(2).asText(),
                    option(row.get(3))));
        }
        return actions;
    }

    private static Map<String, String> variables(JSON aggregated) {
        if (aggregated == null) {
            return Map.of();
        }
        JsonNode rows = StoredJson.tree(aggregated);
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            variables.put(row.get(0).asText(), row.get(1).asText());
        }
        return variables;
    }

    private static ObjectNode option(JsonNode stored) {
        return stored instanceof ObjectNode object ? object : null;
    }

    private static ActiveflowResource resource(Record row) {
        ActiveflowsRecord r = row.into(ACTIVEFLOWS);
        return new ActiveflowResource(r.getId(), r.getCustomerId(), r.getFlowId(), r.getFlowVersion(),
                r.getStatus(), r.getReferenceType(), r.getReferenceId(), r.getReferenceActiveflowId(),
                r.getOnCompleteFlowId(), StoredJson.action(r.getCurrentAction()), r.getForwardActionId(),
                executedActions(row.get(EXECUTED)), variables(row.get(VARIABLES)), r.getExecuteCount(),
                r.getStopReason(), r.getStopDetail(), Timestamps.format(r.getTmCreate()),
                Timestamps.format(r.getTmUpdate()), Timestamps.format(r.getTmEnd()), Timestamps.format(r.getTmDelete()));
    }
}
