package io.callflow.app.engine;

import io.callflow.command.activeflow.Activeflow;
import io.callflow.command.activeflow.ActiveflowStarter;
import io.callflow.command.flow.Flow;
import io.callflow.command.flow.RepositoryFlowSource;
import io.callflow.engine.chain.OnCompleteChain;
import io.callflow.engine.effects.EffectRunner;
import io.callflow.engine.effects.FlowHttpClient;
import io.callflow.engine.effects.FlowSource;
import io.callflow.engine.effects.HttpLimits;
import io.callflow.engine.interpreter.ExecutionLimits;
import io.callflow.engine.interpreter.Interpreter;
import io.callflow.projection.ActiveflowProjection;
import io.callflow.projection.FlowProjection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The flow engine, its effects and the projections, assembled from the modules. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    /** Time is a bean, so tests and replays can hold it still. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ExecutionLimits executionLimits(@Value("${callflow.limits.consecutive-steps:1000}") int consecutiveSteps,
                                    @Value("${callflow.limits.executions:100000}") int executions,
                                    @Value("${callflow.limits.stack-depth:100}") int stackDepth) {
        ExecutionLimits defaults = ExecutionLimits.DEFAULT;
        return new ExecutionLimits(consecutiveSteps, executions, stackDepth, defaults.maxNextIterations(),
                defaults.maxChainLength());
    }

    @Bean
    Interpreter interpreter(ExecutionLimits limits) {
        return new Interpreter(limits);
    }

    @Bean
    ActiveflowStarter activeflowStarter(@Qualifier("flowRepository") Repository<Flow> flows,
                                        @Qualifier("activeflowRepository") Repository<Activeflow> activeflows) {
        return new ActiveflowStarter(flows, activeflows);
    }

    @Bean
    FlowSource flowSource(@Qualifier("flowRepository") Repository<Flow> flows) {
        return new RepositoryFlowSource(flows);
    }

    @Bean
    FlowHttpClient flowHttpClient(@Value("${callflow.http.timeout:5s}") Duration timeout,
                                  @Value("${callflow.http.max-body-bytes:1048576}") int maxBodyBytes,
                                  @Value("${callflow.http.denied-ranges:}") List<String> denied,
                                  SigningSecret secret, Clock clock) {
        return new FlowHttpClient(new HttpLimits(timeout, maxBodyBytes, denied, secret.value()), clock);
    }

    @Bean
    EffectRunner effectRunner(FlowHttpClient http, FlowSource flows, CommandGateway commands, Clock clock) {
        return new EffectRunner(http, flows, commands, clock);
    }

    @Bean
    OnCompleteChain onCompleteChain(CommandGateway commands, Clock clock) {
        return new OnCompleteChain(commands, clock);
    }

    @Bean
    FlowProjection flowProjection(DSLContext sql) {
        return new FlowProjection(sql);
    }

    @Bean
    ActiveflowProjection activeflowProjection(DSLContext sql) {
        return new ActiveflowProjection(sql);
    }
}
