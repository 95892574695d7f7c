package io.callflow.domain.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as text in the one shape the platform writes them: {@code 2026-01-15T09:30:00.123456Z}
 * (UTC, a year of four digits, a fraction of one to nine digits or none), read and written without
 * {@link java.time.format.DateTimeFormatter}. Every stored event carries such times and is read by
 * every projection and replay; the formatter's parse was a third of the time Jackson took to read an
 * event (JFR, the activeflow projection). Anything else is left to the formatter by the caller.
 */
public final class InstantText {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private InstantText() {
    }

    /** The instant {@code text} names, or null when it is not in the shape above (the caller then uses a formatter). */
    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException noSuchDay) {
            return null;
        }
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** As ISO-8601 in UTC with exactly six fraction digits, VoIPbin's shape ({@link Timestamps}). */
    public static String micros(Instant instant) {
        StringBuilder text = new StringBuilder(27);
        date(text, instant);
        text.append('.');
        pad(text, instant.getNano() / 1_000, 6);
        return text.append('Z').toString();
    }

    /**
     * As {@link java.time.format.DateTimeFormatter#ISO_INSTANT} writes it for years 1 to 9999: no fraction for a
     * whole second, else the fraction in groups of three digits.
     */
    public static String iso(Instant instant) {
        StringBuilder text = new StringBuilder(30);
        date(text, instant);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(text, nanos / 1_000, 6);
            } else {
                pad(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** Whether {@link #iso} and {@link #micros} write it as their formatters do: years 1 to 9999. */
    public static boolean writable(Instant instant) {
        return instant.getEpochSecond() >= -62_135_596_800L && instant.getEpochSecond() < 253_402_300_800L;
    }

    private static void date(StringBuilder text, Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        pad(text, date.getYear(), 4);
        text.append('-');
        pad(text, date.getMonthValue(), 2);
        text.append('-');
        pad(text, date.getDayOfMonth(), 2);
        text.append('T');
        pad(text, secondOfDay / 3_600, 2);
        text.append(':');
        pad(text, secondOfDay / 60 % 60, 2);
        text.append(':');
        pad(text, secondOfDay % 60, 2);
    }

    /** {@code value} (not negative) in exactly {@code width} digits, zeros first. */
    private static void pad(StringBuilder text, int value, int width) {
        for (int divisor = POWERS[width - 1]; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
    }

    /** The number written in {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
