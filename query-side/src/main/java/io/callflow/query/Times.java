package io.callflow.query;

import io.callflow.domain.common.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as clients write them in query parameters and tokens. */
public final class Times {
    private static final DateTimeFormatter VOIPBIN_DATABASE_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private Times() {
    }

    /**
     * A time in a query parameter or token: ISO-8601 with {@code Z} or an offset, or the form
     * VoIPbin's own database returns ({@code 2026-01-15 09:30:00.5}, always UTC). Empty if it is none.
     */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notOffset) {
                try {
                    return Optional.of(LocalDateTime.parse(text, VOIPBIN_DATABASE_FORMAT).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
    }
}
