package io.callflow.app.axon;

import io.callflow.domain.common.Caller;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stamps every command with who sent it: {@code accesskey:<id>} for an API request,
 * or {@code system} for commands the platform sends itself (timers, effects, chains),
 * unless it already inherited an actor from the event that caused it.
 */
@Component
public class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>>, SmartInitializingSingleton {
    public static final String KEY = "actor";
    /** Who acts when a persisted timer fires. */
    public static final String TIMER = "system:timer";
    private final CommandBus commandBus;
    private final DeadlineManager deadlines;
    private final List<CorrelationDataProvider> correlation;

    public ActorMetadata(CommandBus commandBus, DeadlineManager deadlines, List<CorrelationDataProvider> correlation) {
        this.commandBus = commandBus;
        this.deadlines = deadlines;
        this.correlation = correlation;
    }

    /**
     * Commands get their actor on dispatch. Deadline handlers run outside any command, and Axon
     * gives their unit of work no correlation data: this interceptor does, so what a timer
     * causes is stored with {@code actor: system:timer} and trace ids like everything else.
     */
    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerDispatchInterceptor(this);
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(KEY) ? command
                : command.andMetaData(java.util.Map.of(KEY, currentActor()));
    }

    private static String currentActor() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object caller = request == null ? null : request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return caller instanceof Caller c ? "accesskey:" + c.accesskeyId() : "system";
    }
}
