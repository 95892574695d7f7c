package io.callflow.app.axon;

import io.callflow.domain.common.Caller;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
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
    private final CommandBus commandBus;

    public ActorMetadata(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerDispatchInterceptor(this);
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
