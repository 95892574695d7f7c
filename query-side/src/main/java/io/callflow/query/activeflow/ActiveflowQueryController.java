package io.callflow.query.activeflow;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Page;
import io.callflow.domain.flow.FlowId;
import io.callflow.projection.ActiveflowProjection;
import io.callflow.query.Freshness;
import io.callflow.query.ListCursor;
import io.callflow.query.PageSize;
import io.callflow.domain.common.PathIds;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading activeflows. Starting, stopping and deleting them are in the command side. */
@RestController
@RequestMapping("/v1/activeflows")
public class ActiveflowQueryController {
    private static final Set<String> STATUSES = Set.of("running", "ended");

    private final ActiveflowQueries activeflows;
    private final Freshness freshness;

    public ActiveflowQueryController(ActiveflowQueries activeflows, Freshness freshness) {
        this.activeflows = activeflows;
        this.freshness = freshness;
    }

    @GetMapping
    public Page<ActiveflowView> list(@RequestParam(name = "status", required = false) String status,
                                         @RequestParam(name = "flow_id", required = false) String flowId,
                                         @RequestParam(name = "page_size", required = false) String pageSize,
                                         @RequestParam(name = "page_token", required = false) String pageToken,
                                         @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        ActiveflowQueries.Filter filter = new ActiveflowQueries.Filter(status(status), flowId(flowId));
        int size = PageSize.parse(pageSize);
        var cursor = ListCursor.parse(pageToken);
        freshness.awaitAll(ActiveflowProjection.GROUP);
        return activeflows.list(caller.customerId(), filter, size, cursor);
    }

    @GetMapping("/{id}")
    public ActiveflowView get(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        ActiveflowId activeflowId = new ActiveflowId(PathIds.parse(id, "activeflow"));
        freshness.awaitAggregate(ActiveflowProjection.GROUP, activeflowId.value());
        return activeflows.get(caller.customerId(), activeflowId);
    }

    private static String status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!STATUSES.contains(text)) {
            throw new BadRequest("/status", "must be running or ended");
        }
        return text;
    }

    private static FlowId flowId(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return FlowId.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("/flow_id", "must be a UUID");
        }
    }
}
