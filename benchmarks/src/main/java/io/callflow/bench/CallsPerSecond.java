package io.callflow.bench;

import io.callflow.media.sip.JainSipEdge;
import io.callflow.media.sip.SipEdge;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Issue 4, benchmark 1: calls per second through the SIP edge for the flow
 * {@code answer → play 1 s → hangup}, every call and activeflow persisted, driven by SIPp at a
 * fixed rate; INVITE→200 response times per call from SIPp's {@code -trace_rtt}. Baseline in the
 * same run: the same SIPp load against {@link BaselineResponder} (JAIN-SIP alone, answer, BYE
 * after 1 s, nothing persisted). Then checks that no call and no RTP port is left. The platform
 * is warmed with rounds of calls at half the rate until the JIT has settled ({@link JitSettle}).
 */
public final class CallsPerSecond {
    private static final String NUMBER = "4001";
    /** 4 × the 250 ms beep: one second of 1000 Hz, queued as one play. */
    private static final String FLOW = "[{\"type\":\"answer\"},"
            + "{\"type\":\"play\",\"option\":{\"stream_urls\":[\"tone:beep\",\"tone:beep\",\"tone:beep\",\"tone:beep\"]}},"
            + "{\"type\":\"hangup\"}]";
    private static final long HOLD_MILLIS = 1_000;

    private CallsPerSecond() {
    }

    public static void main(String[] args) {
        Program.run(CallsPerSecond::measure);
    }

    private static void measure() throws Exception {
        int rate = Settings.integer("bench.call-rate", 100);
        int seconds = (int) Settings.seconds("bench.call-duration", 60).toSeconds();
        int warmupSeconds = (int) Settings.seconds("bench.call-warmup", 10).toSeconds();
        int calls = rate * seconds;
        System.out.printf(Locale.ROOT, "%nCallsPerSecond: SIPp at %d calls/s for %d s (%,d calls) after a warm-up of %d s at"
                + " %d calls/s; flow answer → play 1 s → hangup; baseline JAIN-SIP answering and hanging up after 1 s%n",
                rate, seconds, calls, warmupSeconds, Math.max(1, rate / 2));

        Outcome baseline;
        int basePort = freePort();
        try (BaselineResponder responder = new BaselineResponder("127.0.0.1", basePort, HOLD_MILLIS)) {
            load("baseline-warmup", basePort, Math.max(1, rate / 2), warmupSeconds);
            baseline = load("baseline", basePort, rate, seconds);
            System.out.printf("  baseline responder: %,d INVITEs answered, %,d BYEs sent%n", responder.answered(),
                    responder.hungUp());
        }

        int sipPort = freePort();
        Outcome platform;
        String leaks;
        try (Platform running = Platform.withSip("calls", sipPort)) {
            running.describe("CallsPerSecond");
            Api api = running.api();
            api.number(NUMBER, FLOW);
            // rounds of the warm-up until the JIT settled (right after start the compilers took most of the
            // machine: 114 s of compiling in a 60 s load), as a platform that has run for a while is
            JitSettle.warm(() -> load("platform-warmup", sipPort, Math.max(1, rate / 2), warmupSeconds));
            Watch watch = Watch.start(running.dataSource());
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            platform = load("platform", sipPort, rate, seconds);
            double cpuCores = (processCpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
            watch.close();
            System.out.printf(Locale.ROOT, "  platform JVM used %.2f cores during the load; %s%n", cpuCores, watch.summary());
            leaks = leaks(running, api);
        }

        Table table = new Table("load", "calls/s offered", "successful calls/s", "successful", "failed",
                "not done at SIPp's timeout",
                "INVITE→200 p50 ms", "p99 ms", "max ms", "SIPp retransmissions");
        row(table, "baseline (JAIN-SIP alone)", rate, baseline);
        row(table, "platform (persisted flow)", rate, platform);
        System.out.println();
        System.out.print(table.render());
        System.out.println("  " + leaks);
        double p99 = platform.times.getValueAtPercentile(99) / 1000.0;
        boolean rateMet = platform.failed == 0 && platform.unfinished == 0 && platform.successfulPerSecond >= rate * 0.99;
        System.out.printf(Locale.ROOT, "  target %d calls/s for %d s with no failed call: %s; p99 INVITE→200 ≤ 100 ms: %s%n",
                rate, seconds, Table.verdict(rateMet), Table.verdict(p99 <= 100));
    }

    /** What one SIPp load achieved. */
    private record Outcome(long successful, long failed, long unfinished, double successfulPerSecond, Histogram times,
                           long retransmissions) {
    }

    private static void row(Table table, String name, int rate, Outcome o) {
        table.row(name, rate, Table.rate(o.successfulPerSecond), o.successful, o.failed, o.unfinished,
                Table.ms(o.times.getValueAtPercentile(50) / 1000.0), Table.ms(o.times.getValueAtPercentile(99) / 1000.0),
                Table.ms(o.times.getMaxValue() / 1000.0), o.retransmissions);
    }

    /**
     * Runs SIPp at {@code rate} calls/s for {@code seconds} and waits for it to end. Successful
     * calls/s is taken over SIPp's one-second periods while it was still starting calls, after
     * the first two (the first calls end one second after they start).
     */
    private static Outcome load(String name, int port, int rate, int seconds) throws Exception {
        int calls = rate * seconds;
        // a call lasts ~1 s: allow five seconds' worth open at once before SIPp holds new calls back
        int limit = Math.max(50, rate * 5);
        long byeTimeout = HOLD_MILLIS + 30_000;
        try (SippLoad sipp = SippLoad.start(name, "calls_uac.xml", Map.of("bye_timeout", String.valueOf(byeTimeout)),
                NUMBER, port, rate, calls, limit, seconds + 90)) {
            SippLoad.Result result = sipp.await(seconds + 120);
            double perSecond = completedRate(result.periods());
            if (!name.endsWith("warmup")) {
                System.out.printf(Locale.ROOT, "  %s: SIPp exit %d, %,d calls started, %,d successful, %,d failed%n",
                        name, result.exitCode(), result.outgoing(), result.successful(), result.failed());
                if (!result.errors().isBlank()) {
                    System.out.println("  SIPp errors (first lines):\n    " + result.errors().replace("\n", "\n    "));
                }
            }
            long unfinished = calls - result.successful() - result.failed();
            return new Outcome(result.successful(), result.failed(), unfinished, perSecond, result.inviteTo200Micros(),
                    result.retransmissions());
        }
    }

    /**
     * Successful calls ÷ (the time from SIPp's start to its last statistics line − the 1 s a call
     * is held): at the offered rate this is the rate itself; when the called side falls behind,
     * the run stretches and the figure is what it sustained.
     */
    private static double completedRate(List<Map<String, String>> periods) {
        if (periods.isEmpty()) {
            return Double.NaN;
        }
        Map<String, String> last = periods.get(periods.size() - 1);
        double seconds = epoch(last.get("CurrentTime")) - epoch(last.get("StartTime")) - HOLD_MILLIS / 1000.0;
        return seconds <= 0 ? Double.NaN : Long.parseLong(last.get("SuccessfulCall(C)").trim()) / seconds;
    }

    /** SIPp's times look like {@code 2026-11-23<tab>18:20:39.700286<tab>1795458039.700286}: the last field is seconds since the epoch. */
    private static double epoch(String value) {
        String[] fields = value.trim().split("\\s+");
        return Double.parseDouble(fields[fields.length - 1]);
    }

    /**
     * After the load: waits (at most 90 s: a call SIPp left unanswered ends when its 200 is
     * retransmitted for 32 s without an ACK) until the edge holds no call and no RTP port, and
     * (at most 180 s) until the projections have caught up, then asks the API for calls still
     * progressing or ringing.
     */
    private static String leaks(Platform running, Api api) throws Exception {
        SipEdge edge = running.bean(SipEdge.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int ports = ports(edge);
        while ((edge.liveCalls() > 0 || ports > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            ports = ports(edge);
        }
        long caughtUpFrom = System.nanoTime();
        boolean caughtUp = running.awaitProcessorsCaughtUp(Duration.ofSeconds(180));
        String projections = caughtUp ? String.format(Locale.ROOT, "projections caught up %.1f s after the edge ended its"
                + " last call", (System.nanoTime() - caughtUpFrom) / 1e9) : "projections NOT caught up after 180 s";
        int progressing = api.calls("progressing");
        int ringing = api.calls("ringing");
        return String.format(Locale.ROOT, "after the load: edge live calls %d, RTP ports in use %d; %s; "
                + "GET /v1/calls?status=progressing: %d, ringing: %d%s", edge.liveCalls(), ports, projections, progressing,
                ringing, edge.liveCalls() == 0 && ports == 0 && progressing == 0 && ringing == 0 ? " (nothing leaked)"
                        : " (LEAK)");
    }

    private static int ports(SipEdge edge) {
        return edge instanceof JainSipEdge jain ? jain.rtpPorts().inUse() : -1;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A port free on loopback for both UDP and TCP (the edge listens on both). */
    static int freePort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (java.io.IOException taken) {
                // the UDP side was taken: try another
            }
        }
        throw new IllegalStateException("no free port on loopback");
    }
}
