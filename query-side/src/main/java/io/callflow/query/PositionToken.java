package io.callflow.query;

import io.callflow.domain.common.BadRequest;
import java.util.OptionalLong;

/**
 * A page token that is a position in the event store: the last {@code sequence} (a timeline) or
 * {@code global_index} (the event history) of the previous page. Positions are unique, so paging by
 * them neither skips nor repeats an event.
 */
public final class PositionToken {
    private PositionToken() {
    }

    /** Empty for an absent or empty token (the first page); anything but a position is a 400. */
    public static OptionalLong parse(String token, String what) {
        if (token == null || token.isBlank()) {
            return OptionalLong.empty();
        }
        if (!token.trim().matches("[0-9]{1,18}")) {
            throw new BadRequest("/page_token", "must be the next_page_token of an earlier page: " + what);
        }
        return OptionalLong.of(Long.parseLong(token.trim()));
    }
}
