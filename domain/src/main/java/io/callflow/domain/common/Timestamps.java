package io.callflow.domain.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** VoIPbin's timestamp text: UTC with microseconds, for example {@code 2026-01-15T09:30:00.000000Z}. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : InstantText.writable(instant) ? InstantText.micros(instant) : FORMAT.format(instant);
    }

    /** A database column's time, written the same way. */
    public static String format(OffsetDateTime time) {
        return time == null ? null : format(time.toInstant());
    }

    /** Times are kept at microsecond precision, the precision PostgreSQL stores. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
