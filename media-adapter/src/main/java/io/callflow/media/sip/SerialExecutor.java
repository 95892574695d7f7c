package io.callflow.media.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs one call's tasks one at a time, in order, on a shared pool: a call's listener sees its events in sequence. */
final class SerialExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
        if (!running) {
            running = true;
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running = false;
                log.debug("pool shut down; dropped {} task(s)", queue.size());
                queue.clear();
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.warn("call task failed", e);
            }
        }
    }
}
