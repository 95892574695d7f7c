package io.callflow.media.rtp;

import io.callflow.media.scheduling.ThreadScheduling;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that sends the RTP packets of every session: sessions queue their packets
 * ({@link RtpSession#send(short[])} on the mixer clock, key events on the timer) and this thread
 * puts them on the wire, so the clock's tick never waits in a socket call. It sleeps when no
 * session has anything queued; a session wakes it after queuing.
 */
final class RtpSender implements AutoCloseable {
    private final Thread thread;
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(2048);
    private volatile RtpSession[] sessions = new RtpSession[0];
    private volatile boolean running = true;

    private final ThreadScheduling scheduling;

    RtpSender(ThreadScheduling scheduling) {
        this.scheduling = scheduling;
        thread = new Thread(this::loop, "rtp-sender");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void add(RtpSession session) {
        RtpSession[] now = Arrays.copyOf(sessions, sessions.length + 1);
        now[now.length - 1] = session;
        sessions = now;
    }

    synchronized void remove(RtpSession session) {
        RtpSession[] now = sessions;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == session) {
                RtpSession[] fewer = Arrays.copyOf(now, now.length - 1);
                System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
                sessions = fewer;
                return;
            }
        }
    }

    /** A packet was queued: wakes the thread if it sleeps (a system call at most once per sleep). */
    void wake() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        scheduling.enter();
        while (running) {
            if (sendQueued()) {
                continue;
            }
            // announce the sleep, then look once more: a packet queued before the announcement is seen here,
            // one queued after it wakes us
            sleeping.set(true);
            if (sendQueued()) {
                sleeping.set(false);
                continue;
            }
            LockSupport.park(this);
            sleeping.set(false);
        }
    }

    private boolean sendQueued() {
        boolean sent = false;
        for (RtpSession session : sessions) {
            sent |= session.sendQueued(scratch);
        }
        return sent;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
