package io.callflow.domain.number;

/**
 * The form in which numbers are compared: without a leading {@code +}. A caller may dial
 * {@code 15551234567} or {@code +15551234567} for the same line, so the two may not belong to
 * two customers at once, and either finds the one that is active.
 */
public final class NumberKey {
    private NumberKey() {
    }

    public static String of(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
