package io.callflow.query.events;

import io.callflow.domain.common.Caller;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Page;
import io.callflow.query.PageSize;
import io.callflow.query.PositionToken;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /v1/events}: the caller's events across all its aggregates, filtered by
 * {@code aggregate_id}, {@code event_type} and a time range {@code [from, to)}, oldest ({@code order=asc},
 * the default) or newest first, paged by global index. {@code GET /v1/events/export}: the same events,
 * all of them, as NDJSON.
 */
@RestController
@RequestMapping("/v1/events")
public class EventHistoryController {
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    /** Servlet async timeouts of zero or less never fire. */
    private static final long NO_TIMEOUT = -1;

    private final EventHistory history;

    public EventHistoryController(EventHistory history) {
        this.history = history;
    }

    @GetMapping
    public Page<HistoryEvent> events(@RequestParam(name = "aggregate_id", required = false) String aggregateId,
                                     @RequestParam(name = "event_type", required = false) String eventType,
                                     @RequestParam(name = "from", required = false) String from,
                                     @RequestParam(name = "to", required = false) String to,
                                     @RequestParam(name = "order", required = false) String order,
                                     @RequestParam(name = "page_size", required = false) String pageSize,
                                     @RequestParam(name = "page_token", required = false) String pageToken,
                                     @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        EventHistoryQuery query = EventHistoryQuery.parse(aggregateId, eventType, from, to, order);
        return history.page(caller.customerId(), query, PageSize.parse(pageSize),
                PositionToken.parse(pageToken, "a global index"));
    }

    /** Parameters are checked before the first byte is sent, so a bad one is still a 400 with its pointer. */
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(name = "aggregate_id", required = false) String aggregateId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "order", required = false) String order,
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            NativeWebRequest request) {
        EventHistoryQuery query = EventHistoryQuery.parse(aggregateId, eventType, from, to, order);
        CustomerId customer = caller.customerId();
        // An export takes as long as the history is long; the container's default async timeout (30 s on
        // Tomcat) would cut it off midway. A reader that stops reading still fails the socket write.
        WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest().setTimeout(NO_TIMEOUT);
        return ResponseEntity.ok().contentType(NDJSON).body(out -> history.export(customer, query, out));
    }
}
