package io.callflow.app.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.app.PlatformTest;
import io.callflow.media.scheduling.RealtimeThreads;
import io.callflow.media.scheduling.ThreadScheduling;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform runs its mixer clock and RTP threads real-time where the machine lets a process ask for it. */
class RealtimeMediaThreadsTest extends PlatformTest {
    @Autowired
    ThreadScheduling scheduling;

    @Test
    void the_platforms_mixer_clock_and_rtp_threads_run_round_robin_real_time_when_permitted() throws Exception {
        assertThat(scheduling).isInstanceOf(RealtimeThreads.class);
        RealtimeThreads realtime = (RealtimeThreads) scheduling;
        Process probe = new ProcessBuilder("chrt", "--rr", "1", "true").redirectErrorStream(true).start();
        if (!(probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0)) {
            assertThat(realtime.raised()).as("nothing raised without CAP_SYS_NICE").isEmpty();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (realtime.raised().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10); // each thread enters its class itself, first thing
        }
        assertThat(realtime.raised()).extracting(RealtimeThreads.TaskThread::name)
                .containsExactlyInAnyOrder("mixer-clock-1", "rtp-reactor", "rtp-sender");
        for (RealtimeThreads.TaskThread thread : realtime.raised()) {
            assertThat(RealtimeThreads.policy(thread.id())).as(thread.name()).isEqualTo(RealtimeThreads.ROUND_ROBIN);
        }
    }
}
