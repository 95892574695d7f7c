package io.callflow.query.timeline;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.query.PageSize;
import io.callflow.domain.common.PathIds;
import io.callflow.query.PositionToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/timelines/{flows|activeflows|calls|conferences}/{id}/events}: a resource's
 * events oldest first. {@code page_token} is the last {@code sequence} of the previous page.
 */
@RestController
public class TimelineController {
    private final TimelineQueries timelines;

    public TimelineController(TimelineQueries timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/v1/timelines/{resource_type}/{id}/events")
    public Page<TimelineEvent> events(@PathVariable("resource_type") String resourceType,
                                      @PathVariable("id") String id,
                                      @RequestParam(name = "page_size", required = false) String pageSize,
                                      @RequestParam(name = "page_token", required = false) String pageToken,
                                      @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        ResourceType type = ResourceType.fromPath(resourceType)
                .orElseThrow(() -> new NotFound("timeline of " + resourceType));
        return timelines.events(caller.customerId(), type, PathIds.parse(id, type.singular()),
                PageSize.parse(pageSize), PositionToken.parse(pageToken, "a sequence number").orElse(-1));
    }
}
