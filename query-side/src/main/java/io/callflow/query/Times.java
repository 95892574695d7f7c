package io.callflow.query;

import io.callflow.domain.common.Timestamps;
import java.time.OffsetDateTime;

/** Column times as the API writes them. */
public final class Times {
    private Times() {
    }

    public static String format(OffsetDateTime time) {
        return time == null ? null : Timestamps.format(time.toInstant());
    }
}
