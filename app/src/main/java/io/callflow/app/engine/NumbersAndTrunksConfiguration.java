package io.callflow.app.engine;

import io.callflow.command.number.Number;
import io.callflow.command.number.NumberCommandHandler;
import io.callflow.command.trunk.Trunk;
import io.callflow.command.trunk.TrunkCommandHandler;
import io.callflow.domain.number.NumberClaims;
import io.callflow.domain.number.NumberDirectory;
import io.callflow.domain.trunk.TrunkDirectory;
import io.callflow.domain.trunk.TrunkSecrets;
import io.callflow.engine.effects.FlowSource;
import io.callflow.projection.NumberClaimTable;
import io.callflow.projection.NumberLookup;
import io.callflow.projection.NumberProjection;
import io.callflow.projection.TrunkLookup;
import io.callflow.projection.TrunkProjection;
import io.callflow.projection.TrunkSecretTable;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.Repository;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Numbers and SIP trunks: their command handlers with the tables those write in the command's
 * transaction, their projections, and the directories the SIP edge asks. Kept apart from
 * {@link EngineConfiguration} so the two can change independently.
 */
@Configuration(proxyBeanMethods = false)
public class NumbersAndTrunksConfiguration {

    @Bean
    NumberClaims numberClaims(DSLContext sql) {
        return new NumberClaimTable(sql);
    }

    @Bean
    TrunkSecrets trunkSecrets(DSLContext sql) {
        return new TrunkSecretTable(sql);
    }

    @Bean
    NumberCommandHandler numberCommandHandler(@Qualifier("numberRepository") Repository<Number> numbers,
                                              NumberClaims claims, FlowSource flows) {
        return new NumberCommandHandler(numbers, claims, flows);
    }

    @Bean
    TrunkCommandHandler trunkCommandHandler(@Qualifier("trunkRepository") Repository<Trunk> trunks,
                                            TrunkSecrets secrets) {
        return new TrunkCommandHandler(trunks, secrets);
    }

    @Bean
    NumberProjection numberProjection(DSLContext sql) {
        return new NumberProjection(sql);
    }

    @Bean
    TrunkProjection trunkProjection(DSLContext sql) {
        return new TrunkProjection(sql);
    }

    @Bean
    NumberDirectory numberDirectory(DSLContext sql) {
        return new NumberLookup(sql);
    }

    @Bean
    TrunkDirectory trunkDirectory(DSLContext sql) {
        return new TrunkLookup(sql);
    }

    /** Default tracking processors; like every projection, a failing batch is retried, never skipped. */
    @Bean
    ConfigurerModule numberAndTrunkProcessors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(NumberProjection.GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(TrunkProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
