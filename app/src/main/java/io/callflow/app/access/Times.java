package io.callflow.app.access;

import io.callflow.domain.common.Timestamps;
import java.time.OffsetDateTime;

final class Times {
    private Times() {
    }

    static String format(OffsetDateTime time) {
        return time == null ? null : Timestamps.format(time.toInstant());
    }
}
