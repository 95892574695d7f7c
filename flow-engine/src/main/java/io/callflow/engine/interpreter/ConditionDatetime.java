package io.callflow.engine.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * {@code condition_datetime} as D10 asks: {@code now <op> option}, field by field
 * (weekdays, month, day, hour, minute), all of which must hold. An omitted field,
 * or -1 (and 0 for day and month), is a wildcard. {@code timezone} is an IANA zone; UTC by default.
 */
final class ConditionDatetime {

    private ConditionDatetime() {
    }

    static boolean matches(ObjectNode option, Instant now) {
        ZoneId zone = zone(Options.text(option, "timezone", "UTC"));
        ZonedDateTime local = now.atZone(zone);
        JsonNode weekdays = option.get("weekdays");
        if (weekdays != null && weekdays.isArray() && !weekdays.isEmpty()) {
            int today = local.getDayOfWeek().getValue() % 7; // Sunday = 0 ... Saturday = 6
            boolean listed = false;
            for (JsonNode day : weekdays) {
                listed |= day.asInt(-1) == today;
            }
            if (!listed) {
                return false;
            }
        }
        Optional<Comparison> comparison = Comparison.of(Options.text(option, "condition", "=="));
        if (comparison.isEmpty()) {
            return false;
        }
        return holds(comparison.get(), local.getMonthValue(), field(option, "month", 1))
                && holds(comparison.get(), local.getDayOfMonth(), field(option, "day", 1))
                && holds(comparison.get(), local.getHour(), field(option, "hour", 0))
                && holds(comparison.get(), local.getMinute(), field(option, "minute", 0));
    }

    private static Optional<Long> field(ObjectNode option, String name, long smallestValue) {
        return Options.number(option, name).filter(value -> value >= smallestValue);
    }

    private static boolean holds(Comparison comparison, int now, Optional<Long> expected) {
        return expected.map(value -> comparison.holds(Long.compare(now, value))).orElse(true);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.isBlank() ? "UTC" : name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
