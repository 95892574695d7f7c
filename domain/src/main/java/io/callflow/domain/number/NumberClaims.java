package io.callflow.domain.number;

/**
 * Which number holds which value, kept by the command side in the transaction that appends the
 * number's events, so two concurrent creates of one value cannot both succeed
 * (docs/decisions/0003-number-uniqueness.md).
 */
public interface NumberClaims {
    /** Claims {@code key} ({@link NumberKey}) for {@code id}; false if an active number holds it already. */
    boolean claim(String key, NumberId id);

    /** Frees {@code key} if {@code id} holds it. */
    void release(String key, NumberId id);
}
