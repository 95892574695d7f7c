package io.callflow.query.flow;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowResource;
import io.callflow.projection.FlowProjection;
import io.callflow.query.Freshness;
import io.callflow.query.ListCursor;
import io.callflow.query.PageSize;
import io.callflow.domain.common.PathIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading flows. Changes are in the command side. */
@RestController
@RequestMapping("/v1/flows")
public class FlowQueryController {
    private final FlowQueries flows;
    private final Freshness freshness;

    public FlowQueryController(FlowQueries flows, Freshness freshness) {
        this.flows = flows;
        this.freshness = freshness;
    }

    @GetMapping
    public Page<FlowResource> list(@RequestParam(name = "page_size", required = false) String pageSize,
                                   @RequestParam(name = "page_token", required = false) String pageToken,
                                   @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        int size = PageSize.parse(pageSize);
        var cursor = ListCursor.parse(pageToken);
        freshness.awaitAll(FlowProjection.GROUP);
        return flows.list(caller.customerId(), size, cursor);
    }

    @GetMapping("/{id}")
    public FlowResource get(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        FlowId flowId = flowId(id);
        freshness.awaitAggregate(FlowProjection.GROUP, flowId.value());
        return flows.get(caller.customerId(), flowId);
    }

    @GetMapping("/{id}/versions/{version}")
    public FlowResource version(@PathVariable("id") String id, @PathVariable("version") String version,
                                @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        FlowId flowId = flowId(id);
        int number = versionNumber(id, version);
        freshness.awaitAggregate(FlowProjection.GROUP, flowId.value());
        return flows.version(caller.customerId(), flowId, number);
    }

    private static FlowId flowId(String id) {
        return new FlowId(PathIds.parse(id, "flow"));
    }

    /** A version that is not a positive number names nothing: 404, as for a version that does not exist. */
    private static int versionNumber(String id, String text) {
        if (text.matches("[0-9]{1,9}")) {
            int version = Integer.parseInt(text);
            if (version > 0) {
                return version;
            }
        }
        throw new NotFound("flow " + id + " version " + text);
    }
}
