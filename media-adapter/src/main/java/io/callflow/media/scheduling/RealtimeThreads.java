package io.callflow.media.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each timing thread that enters it in the kernel's round-robin real-time class, as
 * Asterisk's {@code -p} and FreeSWITCH's {@code -rp} do for theirs: when the mixer clock wakes for
 * its next 20 ms it runs at once instead of waiting behind whatever else keeps the cores busy (the
 * database, the flow handlers, other programs). Each such thread does well under a millisecond of
 * work per tick, and the kernel keeps 5 % of every second for ordinary threads however busy
 * real-time ones are (decision 0010).
 *
 * <p>Linux only; needs CAP_SYS_NICE (root, or a container or unit that grants it). Without it the
 * thread stays ordinary and one line says why. Done with {@code chrt} (util-linux) on the thread's
 * id from {@code /proc/thread-self}: the JVM has no call for a scheduling class.
 */
public final class RealtimeThreads implements ThreadScheduling {
    private static final Logger log = LoggerFactory.getLogger(RealtimeThreads.class);
    /** The policy number in a thread's {@code stat}: SCHED_OTHER and SCHED_RR. */
    public static final int ORDINARY = 0;
    public static final int ROUND_ROBIN = 2;

    /** A thread of this process: the kernel's id for it and its name. */
    public record TaskThread(long id, String name) {
    }

    private final int priority;
    private final List<TaskThread> raised = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    /** @param priority 1 (lowest) to 99 */
    public RealtimeThreads(int priority) {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("a real-time priority is 1 to 99, not " + priority);
        }
        this.priority = priority;
    }

    /** Real-time at {@code priority}, or the ordinary class for 0. */
    public static ThreadScheduling atPriority(int priority) {
        return priority == 0 ? ThreadScheduling.ORDINARY : new RealtimeThreads(priority);
    }

    @Override
    public void enter() {
        String name = Thread.currentThread().getName();
        long id;
        try {
            id = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            refused(name, "no /proc/thread-self: " + e);
            return;
        }
        String problem = chrt(id);
        if (problem != null) {
            refused(name, problem);
            return;
        }
        raised.add(new TaskThread(id, name));
        log.info("{} runs round-robin real-time at priority {}", name, priority);
    }

    /** The threads this has put in the real-time class, oldest first. */
    public List<TaskThread> raised() {
        return List.copyOf(raised);
    }

    /** The scheduling policy of one thread of this process, from field 41 of its {@code stat}. */
    public static int policy(long thread) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + thread + "/stat"), StandardCharsets.UTF_8);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }

    private void refused(String thread, String why) {
        if (refusalLogged.compareAndSet(false, true)) {
            log.warn("media threads stay in the ordinary scheduling class ({}: {}); on a busy machine mixer ticks"
                    + " and RTP packets may be late", thread, why);
        }
    }

    /** Null when done, else what went wrong. */
    private String chrt(long thread) {
        try {
            Process chrt = new ProcessBuilder("chrt", "--rr", "--pid", String.valueOf(priority), String.valueOf(thread))
                    .redirectErrorStream(true).start();
            if (!chrt.waitFor(5, TimeUnit.SECONDS)) {
                chrt.destroyForcibly();
                return "chrt did not finish";
            }
            String said = new String(chrt.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return chrt.exitValue() == 0 ? null : said.isEmpty() ? "chrt exited " + chrt.exitValue() : said;
        } catch (IOException e) {
            return "no chrt: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
