package io.callflow.query;

import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Where a list page starts, for lists sorted newest first by {@code (tm_create, id)}.
 *
 * <p>VoIPbin's token is the last row's {@code tm_create} alone, so rows created in the same
 * microsecond as a page boundary are skipped or repeated. Ours adds the id
 * ({@code 2026-01-15T09:30:00.123456Z_<uuid>}), which makes the order total and paging stable.
 * A bare VoIPbin timestamp is still accepted and means "created before it".
 *
 * @param before rows strictly older than this, or as old and with a smaller id when {@code id} is set
 * @param id     the last id of the previous page, or null for a bare timestamp
 */
public record ListCursor(Instant before, UUID id) {
    /** The token for the page after a page whose last row is this one. */
    public static String after(Instant tmCreate, UUID id) {
        return Timestamps.format(tmCreate) + "_" + id;
    }

    /** Empty for an absent or empty token ("start from now"); a token we cannot read is a 400. */
    public static Optional<ListCursor> parse(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String text = token.trim();
        int separator = text.lastIndexOf('_');
        UUID id = null;
        if (separator >= 0) {
            try {
                id = UUID.fromString(text.substring(separator + 1));
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
            text = text.substring(0, separator);
        }
        return Optional.of(new ListCursor(Timestamps.truncate(Times.parse(text).orElseThrow(ListCursor::malformed)),
                id));
    }

    /** The rows after this cursor, in the list's order. */
    public Condition seek(Field<OffsetDateTime> tmCreate, Field<UUID> idField) {
        OffsetDateTime time = before.atOffset(ZoneOffset.UTC);
        return id == null ? tmCreate.lt(time) : DSL.row(tmCreate, idField).lt(time, id);
    }

    private static BadRequest malformed() {
        return new BadRequest("/page_token", "must be a next_page_token from an earlier page or a timestamp like "
                + "2026-01-15T09:30:00.000000Z");
    }
}
