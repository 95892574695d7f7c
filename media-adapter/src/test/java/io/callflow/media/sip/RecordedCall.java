package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link CallListener} that writes down what it is told, for tests to wait on. */
final class RecordedCall implements CallListener {
    record Ended(HangupCause cause, boolean byRemote, int sipStatus) {
    }

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Ended> ended = new CompletableFuture<>();
    final List<Character> digits = new CopyOnWriteArrayList<>();

    @Override
    public void ringing() {
        events.add("ringing");
    }

    @Override
    public void progressing() {
        events.add("progressing");
    }

    @Override
    public void answered() {
        events.add("answered");
    }

    @Override
    public void ended(HangupCause cause, boolean byRemote, int sipStatus) {
        events.add("ended");
        ended.complete(new Ended(cause, byRemote, sipStatus));
    }

    @Override
    public void digit(char digit) {
        digits.add(digit);
    }

    /** The next event, waiting generously; null if none came. */
    String next() throws InterruptedException {
        return events.poll(20, TimeUnit.SECONDS);
    }

    Ended awaitEnded() throws Exception {
        return ended.get(40, TimeUnit.SECONDS);
    }
}
