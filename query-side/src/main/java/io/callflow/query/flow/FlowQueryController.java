package io.callflow.query.flow;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.flow.FlowId;
import io.callflow.domain.flow.FlowResource;
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

    public FlowQueryController(FlowQueries flows) {
        this.flows = flows;
    }

    @GetMapping
    public Page<FlowResource> list(@RequestParam(name = "page_size", required = false) String pageSize,
                                   @RequestParam(name = "page_token", required = false) String pageToken,
                                   @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return flows.list(caller.customerId(), PageSize.parse(pageSize), ListCursor.parse(pageToken));
    }

    @GetMapping("/{id}")
    public FlowResource get(@PathVariable("id") String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return flows.get(caller.customerId(), flowId(id));
    }

    @GetMapping("/{id}/versions/{version}")
    public FlowResource version(@PathVariable("id") String id, @PathVariable("version") String version,
                                @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return flows.version(caller.customerId(), flowId(id), versionNumber(id, version));
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
