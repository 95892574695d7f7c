package io.callflow.query.dashboard;

import static io.callflow.projection.jooq.Tables.ACTIVEFLOWS;
import static io.callflow.projection.jooq.Tables.CALLS;
import static io.callflow.projection.jooq.Tables.FLOWS;

import io.callflow.domain.activeflow.StopShown;
import io.callflow.domain.common.CustomerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Counts for dashboards, from the activeflow and call projections; deleted activeflows are not
 * counted, and a call is active until its status is {@code hangup}.
 */
@Service
public class DashboardQueries {
    /** Stop reasons that mean the flow did what it was written to do. */
    static final Set<String> COMPLETED = Set.of("finished", "stop_action", StopShown.CHAIN_LIMIT_REACHED);
    /** Stop reasons that mean the flow could not go on. */
    static final Set<String> FAILED = Set.of("error", "consecutive_step_limit", "execution_limit", "stack_limit");
    /** The one call status that is not active. */
    static final String HUNG_UP = "hangup";

    private final DSLContext sql;

    public DashboardQueries(DSLContext sql) {
        this.sql = sql;
    }

    public DashboardCounts counts(CustomerId customer) {
        Map<String, Long> byStatus = new TreeMap<>(Map.of("running", 0L, "ended", 0L));
        Map<UUID, FlowTally> byFlow = new LinkedHashMap<>();
        var count = DSL.count();
        sql.select(ACTIVEFLOWS.FLOW_ID, FLOWS.NAME, ACTIVEFLOWS.STATUS, ACTIVEFLOWS.STOP_REASON, count)
                .from(ACTIVEFLOWS).leftJoin(FLOWS).on(FLOWS.ID.eq(ACTIVEFLOWS.FLOW_ID))
                .where(ACTIVEFLOWS.CUSTOMER_ID.eq(customer.value()), ACTIVEFLOWS.TM_DELETE.isNull())
                .groupBy(ACTIVEFLOWS.FLOW_ID, FLOWS.NAME, ACTIVEFLOWS.STATUS, ACTIVEFLOWS.STOP_REASON)
                .orderBy(FLOWS.NAME.asc().nullsLast(), ACTIVEFLOWS.FLOW_ID)
                .forEach(row -> {
                    long n = row.value5();
                    byStatus.merge(row.value3(), n, Long::sum);
                    if (row.value1() != null) {
                        byFlow.computeIfAbsent(row.value1(), id -> new FlowTally(row.value2()))
                                .add(row.value3(), row.value4(), n);
                    }
                });
        List<DashboardCounts.FlowCounts> flows = new ArrayList<>();
        byFlow.forEach((id, tally) -> flows.add(tally.counts(id)));
        Map<String, Long> callsByStatus = callsByStatus(customer);
        long activeCalls = callsByStatus.entrySet().stream().filter(e -> !HUNG_UP.equals(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new DashboardCounts(activeCalls, callsByStatus, byStatus, flows);
    }

    private Map<String, Long> callsByStatus(CustomerId customer) {
        Map<String, Long> byStatus = new TreeMap<>();
        var count = DSL.count();
        sql.select(CALLS.STATUS, count).from(CALLS).where(CALLS.CUSTOMER_ID.eq(customer.value()))
                .groupBy(CALLS.STATUS)
                .forEach(row -> byStatus.put(row.value1(), (long) row.value2()));
        return byStatus;
    }

    private static final class FlowTally {
        private final String name;
        private long running;
        private final Map<String, Long> endedByReason = new TreeMap<>();

        FlowTally(String name) {
            this.name = name;
        }

        void add(String status, String stopReason, long n) {
            if ("running".equals(status)) {
                running += n;
            } else {
                endedByReason.merge(stopReason == null ? "unknown" : stopReason, n, Long::sum);
            }
        }

        DashboardCounts.FlowCounts counts(UUID flowId) {
            long completed = sum(COMPLETED);
            long failed = sum(FAILED);
            return new DashboardCounts.FlowCounts(flowId, name, running, completed, failed, endedByReason);
        }

        private long sum(Set<String> reasons) {
            return endedByReason.entrySet().stream().filter(e -> reasons.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }
}
