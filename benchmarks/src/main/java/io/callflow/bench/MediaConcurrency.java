package io.callflow.bench;

import io.callflow.media.audio.Tones;
import io.callflow.media.mixer.LegMedia;
import io.callflow.media.mixer.LocalMixingCore;
import io.callflow.media.mixer.MixingCore;
import io.callflow.media.mixer.TickStats;
import io.callflow.media.scheduling.RealtimeThreads;
import io.callflow.media.scheduling.ThreadScheduling;
import io.callflow.media.sip.JainSipEdge;
import io.callflow.media.sip.SipEdge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 4, benchmark 2: N concurrent G.711 calls with media flowing both ways. SIPp calls a
 * number whose flow is {@code answer → echo}, and plays G.711 A-law from its g711a.pcap into
 * every call, again and again; the platform decodes, mixes (echo: each leg hears itself),
 * encodes and sends it back every 20 ms. Measured over a window once all N calls are up: the
 * platform JVM's CPU time per call, and the mixer clock's tick lateness (p50/p99/max from
 * {@link MixingCore#tickStats()}, reset at the window's start). Baseline in the same run: the
 * mixing core alone with N in-memory legs (echo on; no RTP, no SIP, no platform), its clock
 * scheduled as the platform's ({@link RealtimeThreads}).
 */
public final class MediaConcurrency {
    private static final String NUMBER = "4002";

    private MediaConcurrency() {
    }

    public static void main(String[] args) {
        Program.run(MediaConcurrency::measure);
    }

    private record Window(double seconds, double jvmCores, double machineBusyCores, TickStats ticks, int calls,
                          double udpInPerSecond, double udpOutPerSecond, String gc) {
    }

    private static void measure() throws Exception {
        int calls = Settings.integer("bench.media-calls", 300);
        int callRate = Settings.integer("bench.media-call-rate", 50);
        Duration window = Settings.seconds("bench.media-duration", 60);
        Duration settle = Settings.seconds("bench.media-settle", 5);
        System.out.printf(Locale.ROOT, "%nMediaConcurrency: %d concurrent G.711 calls (SIPp, %d new calls/s, plays g711a.pcap"
                + " in a loop; flow answer → echo), measured over %d s once all are up; baseline: the mixing core alone"
                + " with %d in-memory legs, echo on%n", calls, callRate, window.toSeconds(), calls);

        Window baseline = baseline(calls, settle, window);
        Window platform = platform(calls, callRate, settle, window);

        Table table = new Table("load", "calls", "window s", "JVM cores", "JVM CPU per call %", "machine busy cores",
                "tick p50 ms", "tick p99 ms", "tick max ms", "ticks", "UDP in/s", "UDP out/s");
        row(table, "baseline (mixer, in-memory legs)", baseline);
        row(table, "platform (SIP + RTP + mixer)", platform);
        System.out.println();
        System.out.print(table.render());
        System.out.println("  during the baseline window: " + baseline.gc + "; during the platform's: " + platform.gc);
        System.out.println("  UDP datagrams are the machine's (/proc/net/snmp): SIPp sends its pcap through a raw socket,"
                + " counted when it arrives, not when sent");
        boolean met = platform.calls >= calls && platform.ticks.p99LatenessMicros() <= 2_000;
        System.out.printf(Locale.ROOT, "  target %d concurrent calls on %d cores with p99 tick lateness ≤ 2 ms: %s%n", calls,
                Runtime.getRuntime().availableProcessors(), Table.verdict(met));
    }

    private static void row(Table table, String name, Window w) {
        table.row(name, w.calls, String.format(Locale.ROOT, "%.1f", w.seconds), Table.ratio(w.jvmCores),
                String.format(Locale.ROOT, "%.3f", 100 * w.jvmCores / Math.max(1, w.calls)),
                Table.ratio(w.machineBusyCores), Table.ms(w.ticks.p50LatenessMicros() / 1000.0),
                Table.ms(w.ticks.p99LatenessMicros() / 1000.0), Table.ms(w.ticks.maxLatenessMicros() / 1000.0),
                w.ticks.ticks(), Table.rate(w.udpInPerSecond), Table.rate(w.udpOutPerSecond));
    }

    /** The mixing core alone: N legs in rooms of their own that "receive" a 1 kHz tone and hear themselves. */
    private static Window baseline(int calls, Duration settle, Duration window) throws Exception {
        short[] tone = Tones.beep(1_000);
        // its clock scheduled as the platform schedules its own (the platform's default priority, or the one given)
        ThreadScheduling scheduling = RealtimeThreads.atPriority(Settings.integer("callflow.media.realtime-priority", 10));
        try (LocalMixingCore mixer = new LocalMixingCore((text, language, voice) -> new short[0], scheduling)) {
            for (int i = 0; i < calls; i++) {
                String leg = "leg-" + i;
                mixer.addLeg(leg, new MemoryLeg(tone, i * 37));
                mixer.echo(leg, true);
            }
            Thread.sleep(settle.toMillis());
            return measureWindow(mixer, window, () -> calls);
        }
    }

    /** A leg whose far end says the same tone again and again and whose sent frames are copied away. */
    private static final class MemoryLeg implements LegMedia {
        private final short[] tone;
        private final short[] frame = new short[FRAME_SAMPLES];
        private final short[] sent = new short[FRAME_SAMPLES];
        private int position;

        MemoryLeg(short[] tone, int offset) {
            this.tone = tone;
            this.position = (offset * FRAME_SAMPLES) % tone.length;
        }

        @Override
        public short[] receive() {
            System.arraycopy(tone, position, frame, 0, FRAME_SAMPLES);
            position = (position + FRAME_SAMPLES) % tone.length;
            return frame;
        }

        @Override
        public void send(short[] heard) {
            System.arraycopy(heard, 0, sent, 0, FRAME_SAMPLES);
        }
    }

    private static Window platform(int calls, int callRate, Duration settle, Duration window) throws Exception {
        int sipPort = CallsPerSecond.freePort();
        try (Platform running = Platform.withSip("media", sipPort)) {
            running.describe("MediaConcurrency");
            Api api = running.api();
            Duration ramp = Duration.ofMillis(1000L * calls / callRate);
            // every call echoes until the window is over: ramp, settle, window and some margin
            long echoMillis = ramp.plus(settle).plus(window).plusSeconds(10).toMillis();
            api.number(NUMBER, "[{\"type\":\"answer\"},{\"type\":\"echo\",\"option\":{\"duration\":" + echoMillis + "}},"
                    + "{\"type\":\"hangup\"}]");
            SipEdge edge = running.bean(SipEdge.class);
            MixingCore mixer = running.bean(MixingCore.class);
            int timeout = (int) (echoMillis / 1000) + 90;
            try (SippLoad sipp = SippLoad.start("media", "media_uac.xml", Map.of(), NUMBER, sipPort, callRate, calls,
                    calls, timeout)) {
                long deadline = System.nanoTime() + ramp.plusSeconds(30).toNanos();
                while (edge.liveCalls() < calls && System.nanoTime() < deadline && sipp.isAlive()) {
                    Thread.sleep(100);
                }
                System.out.printf("  %d calls up %s after the first INVITE%n", edge.liveCalls(),
                        edge.liveCalls() >= calls ? "" : "(fewer than wanted)");
                Thread.sleep(settle.toMillis());
                Window measured = measureWindow(mixer, window, edge::liveCalls);
                SippLoad.Result result = sipp.await(timeout + 30);
                System.out.printf(Locale.ROOT, "  SIPp exit %d: %,d calls started, %,d successful, %,d failed%n",
                        result.exitCode(), result.outgoing(), result.successful(), result.failed());
                if (!result.errors().isBlank()) {
                    System.out.println("  SIPp errors (first lines):\n    " + result.errors().replace("\n", "\n    "));
                }
                long drain = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((edge.liveCalls() > 0 || ports(edge) > 0) && System.nanoTime() < drain) {
                    Thread.sleep(100);
                }
                running.awaitProcessorsCaughtUp(Duration.ofSeconds(30));
                int progressing = api.calls("progressing");
                System.out.printf(Locale.ROOT, "  after the load: edge live calls %d, RTP ports in use %d, "
                                + "GET /v1/calls?status=progressing: %d%s%n", edge.liveCalls(), ports(edge), progressing,
                        edge.liveCalls() == 0 && ports(edge) == 0 && progressing == 0 ? " (nothing leaked)" : " (LEAK)");
                return measured;
            }
        }
    }

    private static int ports(SipEdge edge) {
        return edge instanceof JainSipEdge jain ? jain.rtpPorts().inUse() : -1;
    }

    /** The window: tick statistics reset at its start, process and machine CPU, UDP datagrams on the machine. */
    private static Window measureWindow(MixingCore mixer, Duration window, java.util.function.IntSupplier calls)
            throws Exception {
        mixer.resetTickStats();
        Thread.sleep(40); // the reset runs on the clock's next tick
        Watch watch = Watch.start(null);
        long[] machineBefore = machineTicks();
        long[] udpBefore = udp();
        long cpuBefore = CallsPerSecond.processCpuNanos();
        long wallBefore = System.nanoTime();
        int fewest = Integer.MAX_VALUE;
        long end = wallBefore + window.toNanos();
        while (System.nanoTime() < end) {
            fewest = Math.min(fewest, calls.getAsInt());
            Thread.sleep(Math.max(1, Math.min(500, (end - System.nanoTime()) / 1_000_000)));
        }
        TickStats ticks = mixer.tickStats();
        watch.close();
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double jvmCores = (CallsPerSecond.processCpuNanos() - cpuBefore) / 1e9 / wall;
        long[] machineAfter = machineTicks();
        long[] udpAfter = udp();
        double busy = machineAfter[1] == machineBefore[1] ? Double.NaN
                : (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1])
                        * Runtime.getRuntime().availableProcessors();
        return new Window(wall, jvmCores, busy, ticks, fewest, (udpAfter[0] - udpBefore[0]) / wall,
                (udpAfter[1] - udpBefore[1]) / wall, watch.summary());
    }

    /** Busy and total jiffies of all cores from /proc/stat (zeros where there is none). */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /** UDP datagrams received and sent on the machine, from /proc/net/snmp (zeros where there is none). */
    private static long[] udp() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                    .filter(l -> l.startsWith("Udp:")).toList();
            List<String> names = List.of(lines.get(0).split("\\s+"));
            String[] values = lines.get(1).split("\\s+");
            return new long[]{Long.parseLong(values[names.indexOf("InDatagrams")]),
                    Long.parseLong(values[names.indexOf("OutDatagrams")])};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
