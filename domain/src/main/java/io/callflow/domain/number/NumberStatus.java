package io.callflow.domain.number;

/** VoIPbin's number {@code status}, as far as this platform has one: a deleted number frees its value. */
public enum NumberStatus {
    ACTIVE, DELETED
}
