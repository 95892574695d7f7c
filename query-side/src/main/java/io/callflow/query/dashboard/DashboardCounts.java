package io.callflow.query.dashboard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a dashboard shows at a glance: calls not yet hung up and calls by status, activeflows by
 * status, and per flow how many of its activeflows run, completed (reached their end or a stop
 * action) or failed (stopped by an error or a limit), with every stop reason counted.
 */
public record DashboardCounts(long activeCalls, Map<String, Long> callsByStatus,
                              Map<String, Long> activeflowsByStatus, List<FlowCounts> flows) {

    /** One flow's activeflows. */
    public record FlowCounts(UUID flowId, String name, long running, long completed, long failed,
                             Map<String, Long> endedByReason) {
    }
}
