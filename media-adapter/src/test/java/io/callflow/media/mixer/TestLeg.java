package io.callflow.media.mixer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory leg: frames it will say, queued or repeated, and every frame the mixer sent it. */
final class TestLeg implements LegMedia {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Queue<short[]> incoming = new ConcurrentLinkedQueue<>();
    private volatile short[] repeating;
    private final List<short[]> sent = new ArrayList<>();

    /** Queues samples to say, 20 ms per tick (the last frame padded with silence). */
    void say(short[] samples) {
        for (int at = 0; at < samples.length; at += FRAME_SAMPLES) {
            short[] frame = new short[FRAME_SAMPLES];
            System.arraycopy(samples, at, frame, 0, Math.min(FRAME_SAMPLES, samples.length - at));
            incoming.add(frame);
        }
    }

    /** Says this frame every tick when nothing is queued; null to fall silent. */
    void keepSaying(short[] frame) {
        repeating = frame;
    }

    @Override
    public short[] receive() {
        short[] next = incoming.poll();
        return next != null ? next : repeating;
    }

    @Override
    public synchronized void send(short[] frame) {
        sent.add(frame.clone());
        notifyAll();
    }

    synchronized int framesSent() {
        return sent.size();
    }

    /** Waits for {@code count} frames sent after frame number {@code from}, and returns them joined. */
    synchronized short[] awaitHeard(int from, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (sent.size() < from + count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("leg was sent " + (sent.size() - from) + " of " + count + " frames in time");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return joined(from, from + count);
    }

    /** The next {@code count} frames from now. */
    short[] awaitNextHeard(int count) throws InterruptedException {
        return awaitHeard(framesSent(), count);
    }

    /** Everything sent from frame {@code from} until now, joined. */
    synchronized short[] heardSince(int from) {
        return joined(from, sent.size());
    }

    private short[] joined(int from, int to) {
        short[] out = new short[(to - from) * FRAME_SAMPLES];
        for (int i = from; i < to; i++) {
            System.arraycopy(sent.get(i), 0, out, (i - from) * FRAME_SAMPLES, FRAME_SAMPLES);
        }
        return out;
    }
}
