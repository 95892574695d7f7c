package io.callflow.query.events;

import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.Page;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /v1/events/stream}: the caller's events as server-sent events, live. Each
 * event's SSE id is its global index, so a client that reconnects with {@code Last-Event-ID}
 * (or {@code ?last_event_id=}) resumes right after the last event it saw; without one the
 * stream starts at the newest event. The same filters as {@code GET /v1/events} apply.
 * A connection lasts at most {@link #LIFETIME}; clients reconnect and resume by id.
 */
@RestController
public class EventStreamController {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int BATCH = 200;
    /** An idle stream sends a comment this often, so proxies keep it open and a gone client is noticed. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final EventHistory history;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "event-stream");
        thread.setDaemon(true);
        return thread;
    });

    public EventStreamController(EventHistory history) {
        this.history = history;
    }

    @GetMapping(path = "/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                             @RequestParam(name = "last_event_id", required = false) String lastEventIdParam,
                             @RequestParam(name = "aggregate_id", required = false) String aggregateId,
                             @RequestParam(name = "event_type", required = false) String eventType,
                             @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        EventHistoryQuery query = EventHistoryQuery.parse(aggregateId, eventType, null, null, "asc");
        CustomerId customer = caller.customerId();
        AtomicLong after = new AtomicLong(start(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam,
                customer));
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> running = task.get();
            if (running != null) {
                running.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        try {
            // the response starts at once, so a client knows it is connected before any event exists
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        task.set(poller.scheduleWithFixedDelay(() -> {
            try {
                Page<HistoryEvent> page = history.page(customer, query, BATCH, OptionalLong.of(after.get()));
                for (HistoryEvent event : page.result()) {
                    emitter.send(SseEmitter.event().id(Long.toString(event.globalIndex()))
                            .name(event.event().eventType())
                            .data(Json.mapper().writeValueAsString(event), MediaType.APPLICATION_JSON));
                    after.set(event.globalIndex());
                    lastSent.set(System.nanoTime());
                }
                if (System.nanoTime() - lastSent.get() > KEEP_ALIVE.toNanos()) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    lastSent.set(System.nanoTime());
                }
            } catch (IOException | RuntimeException gone) {
                // the client went away (or the database did): end this stream; the client resumes by id
                stop.run();
                emitter.completeWithError(gone);
            }
        }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    /** Where the stream starts: after the given id, or after the newest event when none is given. */
    private long start(String lastEventId, CustomerId customer) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return history.newestIndex(customer);
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequest("/last_event_id", "must be the id (a global index) of an event received before");
        }
    }
}
