package io.callflow.query.timeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stored payload types as timeline event types: {@code io.callflow.domain.activeflow.ActionStarted} is {@code action_started}. */
public final class EventTypes {
    /** Each stored type's name, worked out once: there are as many as the platform has event records. */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    public static String of(String payloadType) {
        return NAMES.computeIfAbsent(payloadType, EventTypes::snakeCase);
    }

    private static String snakeCase(String payloadType) {
        String simple = payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
        StringBuilder snake = new StringBuilder(simple.length() + 8);
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c)) {
                // a new word starts at an upper-case letter after a lower-case one or a digit,
                // or at the last capital of an acronym that a lower-case letter follows (URLFetched -> url_fetched)
                boolean afterLower = i > 0 && !Character.isUpperCase(simple.charAt(i - 1));
                boolean endsAcronym = i > 0 && Character.isUpperCase(simple.charAt(i - 1))
                        && i + 1 < simple.length() && Character.isLowerCase(simple.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
