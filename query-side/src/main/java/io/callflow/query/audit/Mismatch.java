package io.callflow.query.audit;

/**
 * The first event of a chain whose stored hash is not the hash of its stored bytes and its
 * predecessor's stored hash: this event, or the one before it, was changed after it was appended
 * (or an event between them was removed).
 *
 * @param sequence     the event's sequence number in its aggregate
 * @param globalIndex  the event's place in the whole store ({@code global_index} in {@code GET /v1/events})
 * @param storedHash   the hash stored with the event, hex; null if it has none
 * @param computedHash the hash its stored bytes give now, hex
 */
public record Mismatch(long sequence, long globalIndex, String storedHash, String computedHash) {
}
