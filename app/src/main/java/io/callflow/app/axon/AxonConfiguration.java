package io.callflow.app.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callflow.domain.common.Json;
import io.callflow.engine.chain.OnCompleteChain;
import io.callflow.engine.effects.EffectRunner;
import io.callflow.media.calls.CallMedia;
import io.callflow.projection.ActiveflowProjection;
import io.callflow.projection.CallProjection;
import io.callflow.projection.FlowProjection;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/** Axon on the JDBC event store, with the choices that keep it honest written down where they are made. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {
    /** How often an idle pooled streaming processor extends its claims: well inside the 10 s claim timeout. */
    static final long CLAIM_EXTENSION_MILLIS = 3_000;

    /**
     * Declared by hand: Axon 4.13's auto-configuration orders itself after Boot 3's class names and, on
     * Boot 4, silently falls back to no transactions. A test asserts this bean is the one in use.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Tokens, sagas and deadlines: Axon's own types, with Jackson's default naming they were written for. */
    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return withMetaDataReader(JacksonSerializer.builder().objectMapper(mapper).build());
    }

    /** Events are stored in the API's own JSON shape, so a timeline shows what was stored, byte for byte. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return withMetaDataReader(JacksonSerializer.builder().objectMapper(Json.build()).build());
    }

    private static JacksonSerializer withMetaDataReader(JacksonSerializer serializer) {
        serializer.getObjectMapper().registerModule(MetaDataReader.module());
        return serializer;
    }

    @Bean
    EventSchema eventSchema() {
        return new EventSchema();
    }

    /**
     * Axon's JDBC event store as its auto-configuration builds it, appending with {@link EventRows}:
     * each row also gets the customer and time the hash-chain trigger would otherwise parse out of
     * the payload.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .appendEvents(EventRows::append)
                .build();
    }

    /**
     * Every incoming call loads its number's flow: keep the flows in use in memory (see {@link BoundedCache}).
     * A thousand, not ten thousand: each flow saved is cached as it is created, and at a thousand saves a second
     * ten thousand of them outlived every young collection and were copied by each (pauses of ~55 ms, the p99 of
     * saving flows); a flow that fell out is read again from its few events.
     */
    @Bean
    Cache flowCache(@Value("${callflow.cache.flows:1000}") int flows) {
        return new BoundedCache(flows);
    }

    @Bean
    Cache activeflowCache() {
        return new BoundedCache(10_000);
    }

    /** Who caused a message ({@code actor}) travels from command to events to the commands they cause. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * Events carry the {@code actor} of the message that caused them; what a timer causes is the
     * system's doing, not the API key's that once armed the timer.
     */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return message -> {
            if (message instanceof DeadlineMessage<?>) {
                return Map.of(ActorMetadata.KEY, ActorMetadata.TIMER);
            }
            Object actor = message.getMetaData().get(ActorMetadata.KEY);
            return actor == null ? Map.of() : Map.of(ActorMetadata.KEY, actor);
        };
    }

    /**
     * The processors that act (effects, media, on-complete) are pooled streaming processors. Their
     * coordinators read the event store through {@link EventAvailability} (under {@link SkippingEventSource}),
     * which tells them when new events are stored; reading the store directly, they looked every 500 ms
     * and each webhook, media action and chain link waited up to that long (decision 0012). Told, a
     * coordinator with nothing to do looks again only after the claim extension threshold: 3 s (Axon's
     * 5 s could leave a claim unextended for almost the token store's 10 s claim timeout).
     */
    @Bean
    ConfigurerModule processors() {
        return configurer -> {
            EventAvailability availability = new EventAvailability();
            // after the processors stop (their phase), before the event store does (10 below theirs)
            configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 5, availability::close);
            Function<org.axonframework.config.Configuration, StreamableMessageSource<TrackedEventMessage<?>>> events =
                    c -> new SkippingEventSource(availability.of(c.eventStore()));
            configurer.eventProcessing()
                    .registerTrackingEventProcessorConfiguration(FlowProjection.GROUP, c -> projectionConfig())
                    // the busiest processor: two segments (each activeflow stays in one, so its order holds), and
                    // batches of up to 1,000 events, so an activeflow's events mostly land in one batch (one row
                    // written instead of a row and its updates) and fewer commits carry the token
                    .registerTrackingEventProcessorConfiguration(ActiveflowProjection.GROUP, c ->
                            TrackingEventProcessorConfiguration.forParallelProcessing(2).andInitialSegmentsCount(2)
                                    .andBatchSize(1000))
                    // Effects and chains see few of the events they read. Pooled streaming processors skip the
                    // others without a committed token write per event (a tracking processor with small batches
                    // pays one fsync'd token update per event and segment), and their streams drop the types they
                    // said they never handle (SkippingEventSource). Effects wait on HTTP, so 4 segments.
                    .registerPooledStreamingEventProcessor(EffectRunner.GROUP, events,
                            (c, builder) -> builder.initialSegmentCount(4).maxClaimedSegments(4).batchSize(1)
                                    .claimExtensionThreshold(CLAIM_EXTENSION_MILLIS))
                    // media acts on live calls only: a new node starts at the head, never re-dialing old calls.
                    // A batch takes what is there (up to 20 events) and commits its token once, instead of
                    // one fsync'd token write per handled event; each request still runs once (LiveCall).
                    // Told of events at once, a batch is mostly one event until the workers fall behind.
                    .registerPooledStreamingEventProcessor(CallMedia.GROUP, events,
                            (c, builder) -> builder.initialSegmentCount(4).maxClaimedSegments(4).batchSize(20)
                                    .claimExtensionThreshold(CLAIM_EXTENSION_MILLIS)
                                    .initialToken(StreamableMessageSource::createHeadToken))
                    .registerPooledStreamingEventProcessor(OnCompleteChain.GROUP, events,
                            (c, builder) -> builder.initialSegmentCount(1).batchSize(10)
                                    .claimExtensionThreshold(CLAIM_EXTENSION_MILLIS))
                    // a projection must never skip an event: a failing batch is retried, not logged and lost
                    .registerListenerInvocationErrorHandler(FlowProjection.GROUP, c -> PropagatingErrorHandler.instance())
                    .registerListenerInvocationErrorHandler(ActiveflowProjection.GROUP,
                            c -> PropagatingErrorHandler.instance())
                    .registerListenerInvocationErrorHandler(CallProjection.GROUP,
                            c -> PropagatingErrorHandler.instance());
        };
    }

    private static TrackingEventProcessorConfiguration projectionConfig() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200);
    }
}
