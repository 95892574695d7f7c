package io.callflow.media.rtp;

import io.callflow.media.scheduling.ThreadScheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * One selector thread that reads the datagrams of every RTP session, one {@link RtpSender}
 * thread that sends their packets, plus one timer thread for RTCP reports and RFC 4733 event
 * packets. Receivers run on the selector thread and must not block.
 */
public final class RtpReactor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtpReactor.class);

    /** Gets each datagram read from a registered channel; {@code data} is reused after the call returns. */
    @FunctionalInterface
    interface Receiver {
        void received(byte[] data, int length, SocketAddress from);
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timers;
    private final RtpSender sender;
    private final ThreadScheduling scheduling;
    private final Thread thread;
    private volatile boolean running = true;

    public RtpReactor() {
        this(ThreadScheduling.ORDINARY);
    }

    /** Its reader and sender threads scheduled by {@code scheduling} (e.g. real-time). */
    public RtpReactor(ThreadScheduling scheduling) {
        this.scheduling = scheduling;
        this.sender = new RtpSender(scheduling);
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector", e);
        }
        timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rtp-timer"));
        thread = daemon(this::loop, "rtp-reactor");
        thread.start();
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    RtpSender sender() {
        return sender;
    }

    void register(DatagramChannel channel, Receiver receiver) {
        execute(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, receiver);
            } catch (IOException e) {
                log.warn("cannot register RTP channel: {}", e.toString());
            }
        });
    }

    /** Runs {@code task} on the selector thread, between two reads. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Closes {@code channel} on the selector thread, then runs {@code afterwards} once its port is really free. */
    void close(DatagramChannel channel, Runnable afterwards) {
        if (!running) {
            closeQuietly(channel);
            afterwards.run();
            return;
        }
        execute(() -> {
            closeQuietly(channel);
            try {
                selector.selectNow();
            } catch (IOException e) {
                log.debug("selectNow after close: {}", e.toString());
            }
            afterwards.run();
        });
    }

    private void loop() {
        scheduling.enter();
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        // select(action) visits the ready keys without building the selected-key set and its iterator,
        // which allocated on every wake-up (thousands a second)
        Consumer<SelectionKey> read = key -> {
            if (key.isValid() && key.isReadable()) {
                drain((DatagramChannel) key.channel(), (Receiver) key.attachment(), buffer);
            }
        };
        while (running) {
            try {
                selector.select(read);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("RTP reactor loop: {}", e.toString());
            }
        }
    }

    private static void drain(DatagramChannel channel, Receiver receiver, ByteBuffer buffer) {
        for (int i = 0; i < 64; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (IOException e) {
                return;
            }
            if (from == null) {
                return;
            }
            try {
                receiver.received(buffer.array(), buffer.position(), from);
            } catch (RuntimeException e) {
                log.warn("RTP receiver failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        closeQuietly(selector);
        timers.shutdownNow();
        sender.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("close: {}", e.toString());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
