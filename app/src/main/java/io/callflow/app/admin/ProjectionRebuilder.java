package io.callflow.app.admin;

import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection from the event store without taking it away from readers
 * (docs/decisions/0004-rebuild-without-downtime.md): a second instance of the projection's handlers replays
 * the store into shadow tables while the live processor and the query API carry on; then the live processor
 * pauses, the shadow takes the last events, the tables are swapped in one transaction, and the live processor
 * resumes from its own token (its handlers are guarded by sequence numbers, so events the shadow already has
 * change nothing). A failed rebuild leaves the live tables as they were.
 */
@Service
public class ProjectionRebuilder {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    /**
     * Events per shadow transaction: large enough that commits (and the per-batch lookup of rows already written)
     * are rare, small enough for steady progress.
     */
    private static final int BATCH = 5000;
    private static final int SWAP_ATTEMPTS = 20;

    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final DSLContext sql;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Rebuild> latest = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilder(EventStorageEngine store, EventProcessingConfiguration processing, DSLContext sql,
                               DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.processing = processing;
        this.sql = sql;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Starts a rebuild in the background; one at a time per projection. */
    public synchronized RebuildProgress start(String name) {
        Rebuild rebuild = begin(name);
        runner.submit(() -> run(rebuild, progress -> { }));
        return rebuild.progress();
    }

    /** Rebuilds in the calling thread, reporting after every batch. */
    public RebuildProgress rebuild(String name, Consumer<RebuildProgress> report) {
        Rebuild rebuild;
        synchronized (this) {
            rebuild = begin(name);
        }
        run(rebuild, report);
        return rebuild.progress();
    }

    /** The latest rebuild of the projection since the app started, running or finished. */
    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(latest.get(projection(name).name())).map(Rebuild::progress);
    }

    private Rebuild begin(String name) {
        RebuildableProjection projection = projection(name);
        Rebuild running = latest.get(projection.name());
        if (running != null && !running.progress().finished()) {
            throw new Conflict("projection " + name + " is being rebuilt already (" + running.id + ")");
        }
        Rebuild rebuild = new Rebuild(projection, clock);
        latest.put(projection.name(), rebuild);
        return rebuild;
    }

    private static RebuildableProjection projection(String name) {
        return RebuildableProjection.named(name).orElseThrow(() -> new NotFound("projection " + name
                + " (rebuildable: " + RebuildableProjection.names() + ")"));
    }

    private void run(Rebuild rebuild, Consumer<RebuildProgress> report) {
        RebuildableProjection projection = rebuild.projection;
        ShadowTables shadow = new ShadowTables(jdbc, projection.tables());
        try {
            TrackingEventProcessor live = processing.eventProcessor(projection.processingGroup(),
                    TrackingEventProcessor.class).orElseThrow(() -> new IllegalStateException(
                    "no tracking processor " + projection.processingGroup()));
            shadow.create();
            rebuild.total = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection.handlers().apply(sql));
            log.info("rebuild {} of {}: {} events to replay into {}", rebuild.id, projection.name(), rebuild.total,
                    ShadowTables.SCHEMA);
            TrackingToken token = replay(null, handlers, shadow, rebuild, report);
            shadow.createSecondaryIndexes();
            token = replay(token, handlers, shadow, rebuild, report); // what arrived during the long pass
            rebuild.status = "swapping";
            report.accept(rebuild.progress());
            live.shutDown();
            try {
                replay(token, handlers, shadow, rebuild, report);
                swap(shadow);
            } finally {
                live.start();
            }
            rebuild.finish("done", null, clock.instant());
            log.info("rebuild {} of {} done: {}", rebuild.id, projection.name(), rebuild.progress().line());
        } catch (RuntimeException e) {
            log.error("rebuild {} of {} failed; the live tables are unchanged", rebuild.id, projection.name(), e);
            rebuild.finish("failed", String.valueOf(e.getMessage()), clock.instant());
            try {
                shadow.drop();
            } catch (RuntimeException cleanup) {
                log.warn("rebuild {}: shadow tables not dropped", rebuild.id, cleanup);
            }
        }
        report.accept(rebuild.progress());
    }

    /** Swaps the tables, trying again when long readers kept the lock from it; readers wait at most one timeout. */
    private void swap(ShadowTables shadow) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> shadow.swap());
                return;
            } catch (DataAccessException e) {
                if (attempt >= SWAP_ATTEMPTS) {
                    throw e;
                }
                log.info("swap attempt {} waited too long for readers; trying again", attempt);
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the swap", e);
        }
    }

    /**
     * Replays every event after {@code from} (all of them for null) into the shadow tables; the last token read.
     * The next batch is read and deserialized while this one is written ({@link EventBatches}).
     */
    private TrackingToken replay(TrackingToken from, AnnotationEventHandlerAdapter handlers, ShadowTables shadow,
                                 Rebuild rebuild, Consumer<RebuildProgress> report) {
        TrackingToken token = from;
        try (EventBatches batches = new EventBatches(store.readEvents(from, false), BATCH)) {
            for (EventBatches.Batch batch = batches.next(); batch != null; batch = batches.next()) {
                write(batch.events(), handlers, shadow, rebuild);
                token = batch.last();
                report.accept(rebuild.progress());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
        return token;
    }

    /** One batch into the shadow tables, in one transaction, as the live processor writes one batch. */
    private void write(List<EventMessage<?>> batch, AnnotationEventHandlerAdapter handlers, ShadowTables shadow,
                       Rebuild rebuild) {
        if (batch.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            shadow.writeHere();
            BatchingUnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(batch);
            ResultMessage<Object> result = unit.executeWithResult(() -> {
                EventMessage<?> event = unit.getMessage();
                return handlers.canHandle(event) ? handlers.handle(event) : null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                throw new IllegalStateException("replaying into the shadow tables failed",
                        result.exceptionResult());
            }
        });
        rebuild.done += batch.size();
        rebuild.total = Math.max(rebuild.total, rebuild.done);
    }

    /** One rebuild's progress, written by the thread running it and read by anyone. */
    private static final class Rebuild {
        final UUID id = UUID.randomUUID();
        final RebuildableProjection projection;
        final Clock clock;
        final Instant start;
        volatile String status = "building";
        volatile long done;
        volatile long total;
        volatile Instant end;
        volatile String error;

        Rebuild(RebuildableProjection projection, Clock clock) {
            this.projection = projection;
            this.clock = clock;
            this.start = clock.instant();
        }

        void finish(String finalStatus, String why, Instant at) {
            error = why;
            end = at;
            status = finalStatus;
        }

        RebuildProgress progress() {
            Instant until = end != null ? end : clock.instant();
            double seconds = Math.max(Duration.between(start, until).toMillis(), 1) / 1000.0;
            double rate = done / seconds;
            Long eta = "done".equals(status) ? Long.valueOf(0)
                    : rate > 0 ? Long.valueOf((long) Math.ceil(Math.max(total - done, 0) / rate)) : null;
            return new RebuildProgress(id, projection.name(), status, done, total, Math.round(rate * 10) / 10.0, eta,
                    Timestamps.format(start), end == null ? null : Timestamps.format(end), error);
        }
    }
}
