package io.callflow.media.mixer;

/** Mixer clock health: ticks run, and how late they started (microseconds). */
public record TickStats(long ticks, long p50LatenessMicros, long p99LatenessMicros, long maxLatenessMicros) {
}
