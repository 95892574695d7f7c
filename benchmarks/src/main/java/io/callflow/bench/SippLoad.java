package io.callflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One SIPp 3.6 UAC load over loopback: a scenario from this module's {@code sipp/} resources,
 * {@code -r rate -m calls -l limit}, a global {@code -timeout} so SIPp always ends, killed in
 * {@link #close()} if it did not. Its files go to a fresh directory under bench.target: the
 * response-time trace ({@code -trace_rtt -rtt_freq 1}: every call's INVITE→200 time, the
 * scenario's {@code rtd="invite"}), the statistics CSV every second ({@code -trace_stat -fd 1})
 * and errors.
 */
final class SippLoad implements AutoCloseable {
    /** What SIPp reports after its run: counters from the statistics CSV and the INVITE→200 times. */
    record Result(int exitCode, long successful, long failed, long outgoing, long retransmissions,
                  Histogram inviteTo200Micros, List<Map<String, String>> periods, String errors) {
    }

    private final Process process;
    private final Path directory;
    private final String scenario;

    private SippLoad(Process process, Path directory, String scenario) {
        this.process = process;
        this.directory = directory;
        this.scenario = scenario;
    }

    /**
     * Starts SIPp calling {@code service}@127.0.0.1:{@code port}. Placeholders {@code [bench_*]}
     * in the scenario are replaced by {@code values} first.
     */
    static SippLoad start(String name, String scenario, Map<String, String> values, String service, int port,
                          double rate, int calls, int limit, int timeoutSeconds) throws IOException {
        Path directory = Files.createTempDirectory(Settings.targetDirectory(), name + "-sipp-");
        String text;
        try (InputStream in = SippLoad.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no SIPp scenario " + scenario);
            }
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("[bench_" + value.getKey() + "]", value.getValue());
        }
        Files.writeString(directory.resolve(scenario), text, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> command = new ArrayList<>(List.of(Settings.text("bench.sipp", "sipp"),
                "-sf", scenario, "-s", service, "127.0.0.1:" + port,
                "-i", "127.0.0.1", "-p", String.valueOf(freeUdpPort()),
                "-mi", "127.0.0.1", "-mp", String.valueOf(freeUdpPort()),
                "-r", String.valueOf(rate), "-rp", "1000", "-m", String.valueOf(calls), "-l", String.valueOf(limit),
                "-timeout", timeoutSeconds + "s", "-timeout_error", "-nostdin",
                "-trace_rtt", "-rtt_freq", "1", "-trace_stat", "-fd", "1", "-trace_err",
                "-max_socket", "2000"));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("screen.txt").toFile()).start();
        return new SippLoad(process, directory, scenario);
    }

    /** A UDP port free now on loopback (SIPp binds it a moment later). */
    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for SIPp to end by itself (its -timeout bounds that), then reads what it wrote. */
    Result await(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        List<Map<String, String>> periods = statistics();
        Map<String, String> last = periods.isEmpty() ? Map.of() : periods.get(periods.size() - 1);
        return new Result(exit, count(last, "SuccessfulCall(C)"), count(last, "FailedCall(C)"),
                count(last, "OutgoingCall(C)"), count(last, "Retransmissions(C)"), responseTimes(), periods, errors());
    }

    private static long count(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? -1 : Long.parseLong(value.trim());
    }

    /** SIPp's statistics CSV: a header line then a line per period (and a last one at the end), ';'-separated. */
    private List<Map<String, String>> statistics() throws IOException {
        Path file = find("_.csv");
        List<Map<String, String>> rows = new ArrayList<>();
        if (file == null) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = lines.get(0).split(";");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";");
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < Math.min(header.length, cells.length); i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code <scenario>_<pid>_rtt.csv}: {@code date_ms;date_unix;response_time_ms;rtd_name} per call. */
    private Histogram responseTimes() throws IOException {
        Histogram histogram = new Histogram(3);
        Path file = find("_rtt.csv");
        if (file == null) {
            return histogram;
        }
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(";");
            if (cells.length < 3) {
                continue;
            }
            try {
                double millis = Double.parseDouble(cells[cells.length - 2].trim());
                histogram.recordValue(Math.max(0, Math.round(millis * 1000)));
            } catch (NumberFormatException header) {
                // the header line
            }
        }
        return histogram;
    }

    /**
     * SIPp's error log without the scenario's own loop (a receive timeout that jumps to a label
     * is how the media scenario repeats its audio), at most 2,000 characters.
     */
    private String errors() throws IOException {
        Path file = find("_errors.log");
        if (file == null) {
            return "";
        }
        String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        // SIPp runs its events together on one line, each starting with a date and a tab
        String kept = java.util.Arrays.stream(text.split("(?=\\d{4}-\\d{2}-\\d{2}\t)"))
                .filter(event -> !event.contains("jumping to label") && !event.startsWith("The following events"))
                .map(String::trim).filter(event -> !event.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
        return kept.length() > 2_000 ? kept.substring(0, 2_000) + " ..." : kept;
    }

    private Path find(String suffix) throws IOException {
        String prefix = scenario.replace(".xml", "") + "_";
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                if (!name.startsWith(prefix) || !name.endsWith(suffix)) {
                    return false;
                }
                // <scenario>_<pid>_.csv for statistics, <scenario>_<pid>_rtt.csv for times
                String middle = name.substring(prefix.length(), name.length() - suffix.length());
                return middle.chars().allMatch(Character::isDigit);
            }).findFirst().orElse(null);
        }
    }

    Path directory() {
        return directory;
    }

    /** Kills SIPp if it still runs; its files are deleted unless bench.keep-data. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Settings.flag("bench.keep-data")) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a directory left under target is harmless
            }
        }
    }
}
