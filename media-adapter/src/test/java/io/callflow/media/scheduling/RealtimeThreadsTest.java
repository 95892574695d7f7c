package io.callflow.media.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.media.mixer.LocalMixingCore;
import io.callflow.media.rtp.RtpReactor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealtimeThreadsTest {
    private static final int PRIORITY = 3;

    @Test
    void a_mixer_clock_and_the_rtp_threads_enter_round_robin_real_time_where_the_machine_permits_it() throws Exception {
        RealtimeThreads realtime = new RealtimeThreads(PRIORITY);
        try (LocalMixingCore mixer = new LocalMixingCore((text, language, voice) -> new short[0], realtime);
             RtpReactor reactor = new RtpReactor(realtime)) {
            if (!machineGrantsRealtime()) {
                Thread.sleep(500);
                assertThat(realtime.raised()).as("nothing raised without CAP_SYS_NICE").isEmpty();
                return;
            }
            awaitRaised(realtime, 3);
            assertThat(realtime.raised()).extracting(RealtimeThreads.TaskThread::name)
                    .containsExactlyInAnyOrder("mixer-clock-1", "rtp-reactor", "rtp-sender");
            for (RealtimeThreads.TaskThread thread : realtime.raised()) {
                assertThat(RealtimeThreads.policy(thread.id())).as(thread.name()).isEqualTo(RealtimeThreads.ROUND_ROBIN);
            }
        }
    }

    @Test
    void the_ordinary_scheduling_leaves_a_clock_as_every_other_thread() throws Exception {
        assertThat(RealtimeThreads.atPriority(0)).isSameAs(ThreadScheduling.ORDINARY);
        long[] clock = new long[1];
        ThreadScheduling spy = () -> {
            try {
                clock[0] = Long.parseLong(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/thread-self"))
                        .getFileName().toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try (LocalMixingCore mixer = new LocalMixingCore((text, language, voice) -> new short[0], spy)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (clock[0] == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(RealtimeThreads.policy(clock[0])).isEqualTo(RealtimeThreads.ORDINARY);
        }
    }

    @Test
    void a_priority_outside_the_kernels_range_is_refused() {
        assertThatThrownBy(() -> new RealtimeThreads(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RealtimeThreads.atPriority(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static void awaitRaised(RealtimeThreads realtime, int threads) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (realtime.raised().size() < threads && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Whether this process may start a child in the real-time class (root or CAP_SYS_NICE). */
    static boolean machineGrantsRealtime() throws Exception {
        Process probe = new ProcessBuilder("chrt", "--rr", "1", "true").redirectErrorStream(true).start();
        return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
