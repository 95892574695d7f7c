package io.callflow.query.activeflow;

import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_ACTIONS;
import static io.callflow.projection.jooq.Tables.ACTIVEFLOW_VARIABLES;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.Timestamps;
import io.callflow.domain.flow.FlowId;
import io.callflow.query.ListCursor;
import io.callflow.query.RawJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Activeflows of one customer, from the {@code activeflows} projection and its children.
 * Deleted activeflows are not found, as on the command side.
 *
 * <p>One statement per page: the page's ids first, then each child table read once for all of them (one index
 * scan per activeflow, where a subquery per row made the planner scan bitmaps), each activeflow's executed
 * actions and variables aggregated by PostgreSQL into the JSON the API shows.
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

    /** One activeflow's executed actions in step order, as they ran: {@code [{id, next_id, type, option}, ...]}. */
    private static final Field<JSON> EXECUTED = DSL.field("json_agg(json_build_object('id', {0}, 'next_id', {1}, "
                    + "'type', {2}, 'option', {3}) ORDER BY {4})", JSON.class, ACTIVEFLOW_ACTIONS.ACTION_ID,
            ACTIVEFLOW_ACTIONS.NEXT_ID, ACTIVEFLOW_ACTIONS.TYPE, ACTIVEFLOW_ACTIONS.OPTION, ACTIVEFLOW_ACTIONS.STEP);
    /** One activeflow's variables by name: {@code {"name": "value", ...}}. */
    private static final Field<JSON> VARIABLES = DSL.field("json_object_agg({0}, {1} ORDER BY {0})", JSON.class,
            ACTIVEFLOW_VARIABLES.NAME, ACTIVEFLOW_VARIABLES.VALUE);
    private static final RawJson NO_ACTIONS = new RawJson("[]");
    private static final RawJson NO_VARIABLES = new RawJson("{}");

    /** Newest first by {@code (tm_create, id)}. */
    public Page<ActiveflowView> list(CustomerId customer, Filter filter, int pageSize, Optional<ListCursor> cursor) {
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
        List<ActiveflowView> rows = select(where, pageSize);
        if (rows.isEmpty()) {
            return new Page<>("", List.of());
        }
        ActiveflowView last = rows.get(rows.size() - 1);
        return new Page<>(ListCursor.after(Instant.parse(last.tmCreate()), last.id()), rows);
    }

    public ActiveflowView get(CustomerId customer, ActiveflowId id) {
        List<ActiveflowView> rows = select(ACTIVEFLOWS.ID.eq(id.value()).and(ACTIVEFLOWS.CUSTOMER_ID.eq(customer.value()))
                .and(ACTIVEFLOWS.TM_DELETE.isNull()), 1);
        if (rows.isEmpty()) {
            throw new NotFound("activeflow " + id);
        }
        return rows.get(0);
    }

    private List<ActiveflowView> select(Condition where, int limit) {
        ResultQuery<?> query = statement(where, limit);
        // jOOQ writes the statement; the rows are read with JDBC directly (measured: jOOQ's records and cursor were a
        // third of a list request's CPU)
        String text = query.getSQL();
        List<Object> binds = query.getBindValues();
        return sql.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<ActiveflowView> views = new ArrayList<>(limit);
                    while (rows.next()) {
                        views.add(view(rows));
                    }
                    return views;
                }
            }
        });
    }

    /** The columns in the order {@link #view} reads them. */
    private ResultQuery<?> statement(Condition where, int limit) {
        CommonTableExpression<Record1<UUID>> page = DSL.name("page").fields("id").as(DSL
                .select(ACTIVEFLOWS.ID).from(ACTIVEFLOWS).where(where)
                .orderBy(ACTIVEFLOWS.TM_CREATE.desc(), ACTIVEFLOWS.ID.desc())
                // every page query writes its size into the statement instead of binding it: with a bound limit
                // PostgreSQL planned this statement anew on every execution (measured: 25 % of its cost)
                .limit(DSL.inline(limit)));
        Field<UUID> pageId = page.field("id", UUID.class);
        CommonTableExpression<Record2<UUID, JSON>> executed = DSL.name("executed").fields("activeflow_id", "actions")
                .as(DSL.select(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID, EXECUTED).from(ACTIVEFLOW_ACTIONS)
                        .where(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID.in(DSL.select(pageId).from(page)))
                        .groupBy(ACTIVEFLOW_ACTIONS.ACTIVEFLOW_ID));
        CommonTableExpression<Record2<UUID, JSON>> variables = DSL.name("variables").fields("activeflow_id", "values")
                .as(DSL.select(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID, VARIABLES).from(ACTIVEFLOW_VARIABLES)
                        .where(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID.in(DSL.select(pageId).from(page)))
                        .groupBy(ACTIVEFLOW_VARIABLES.ACTIVEFLOW_ID));
        return sql.with(page).with(executed).with(variables)
                .select(ACTIVEFLOWS.ID, ACTIVEFLOWS.CUSTOMER_ID, ACTIVEFLOWS.FLOW_ID, ACTIVEFLOWS.FLOW_VERSION,
                        ACTIVEFLOWS.STATUS, ACTIVEFLOWS.REFERENCE_TYPE, ACTIVEFLOWS.REFERENCE_ID,
                        ACTIVEFLOWS.REFERENCE_ACTIVEFLOW_ID, ACTIVEFLOWS.ON_COMPLETE_FLOW_ID, ACTIVEFLOWS.CURRENT_ACTION,
                        ACTIVEFLOWS.FORWARD_ACTION_ID, executed.field("actions", JSON.class),
                        variables.field("values", JSON.class), ACTIVEFLOWS.EXECUTE_COUNT, ACTIVEFLOWS.STOP_REASON,
                        ACTIVEFLOWS.STOP_DETAIL, ACTIVEFLOWS.TM_CREATE, ACTIVEFLOWS.TM_UPDATE, ACTIVEFLOWS.TM_END,
                        ACTIVEFLOWS.TM_DELETE)
                .from(page)
                .join(ACTIVEFLOWS).on(ACTIVEFLOWS.ID.eq(pageId))
                .leftJoin(executed).on(executed.field("activeflow_id", UUID.class).eq(ACTIVEFLOWS.ID))
                .leftJoin(variables).on(variables.field("activeflow_id", UUID.class).eq(ACTIVEFLOWS.ID))
                .orderBy(ACTIVEFLOWS.TM_CREATE.desc(), ACTIVEFLOWS.ID.desc());
    }

    private static ActiveflowView view(ResultSet r) throws SQLException {
        return new ActiveflowView(uuid(r, 1), uuid(r, 2), uuid(r, 3), (Integer) r.getObject(4), r.getString(5),
                r.getString(6), uuid(r, 7), uuid(r, 8), uuid(r, 9), raw(r.getString(10), null), uuid(r, 11),
                raw(r.getString(12), NO_ACTIONS), raw(r.getString(13), NO_VARIABLES), r.getInt(14), r.getString(15),
                r.getString(16), time(r, 17), time(r, 18), time(r, 19), time(r, 20));
    }

    private static UUID uuid(ResultSet r, int column) throws SQLException {
        return r.getObject(column, UUID.class);
    }

    private static String time(ResultSet r, int column) throws SQLException {
        return Timestamps.format(r.getObject(column, OffsetDateTime.class));
    }

    private static RawJson raw(String json, RawJson absent) {
        return json == null ? absent : new RawJson(json);
    }
}
