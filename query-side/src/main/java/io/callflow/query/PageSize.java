package io.callflow.query;

import io.callflow.domain.common.BadRequest;

/** VoIPbin's {@code page_size}: 100 by default, and any value out of 1..100 quietly becomes 100. */
public final class PageSize {
    public static final int MAX = 100;

    private PageSize() {
    }

    /** Absent or empty means the default; text that is not a whole number is a 400. */
    public static int parse(String text) {
        if (text == null || text.isBlank()) {
            return MAX;
        }
        String digits = text.trim();
        if (!digits.matches("[+-]?[0-9]+")) {
            throw new BadRequest("/page_size", "must be a whole number");
        }
        // out of int's range is out of 1..100 as well
        if (digits.startsWith("-") || digits.replaceFirst("^\\+?0*", "").length() > 3) {
            return MAX;
        }
        int size = Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits);
        return size <= 0 || size > MAX ? MAX : size;
    }
}
