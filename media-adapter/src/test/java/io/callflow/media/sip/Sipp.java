package io.callflow.media.sip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One SIPp 3.6 run over loopback: a scenario from {@code src/test/resources/sipp}, one call ({@code -m 1}), a hard timeout. */
public final class Sipp implements AutoCloseable {
    private final Process process;
    private final Path directory;
    private final int port;
    private final int mediaPort;

    private Sipp(Process process, Path directory, int port, int mediaPort) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.mediaPort = mediaPort;
    }

    /** A SIPp client calling {@code service}@127.0.0.1:{@code edgePort}. */
    public static Sipp client(String scenario, int edgePort, String service, String... options) throws IOException {
        List<String> extra = new ArrayList<>(List.of(options));
        extra.addAll(List.of("-s", service, "127.0.0.1:" + edgePort));
        return start(scenario, extra);
    }

    /** A SIPp server waiting for one call; returns once it listens. */
    public static Sipp server(String scenario, String... options) throws IOException {
        return server(scenario, Map.of(), options);
    }

    /**
     * As {@link #server(String, String...)}, with words of the scenario replaced first (SIPp reads a
     * response's status when it loads the scenario, so a status cannot be one of its keywords).
     */
    public static Sipp server(String scenario, Map<String, String> replacements, String... options)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            Sipp sipp = start(scenario, replacements, List.of(options));
            if (sipp.awaitListening()) {
                return sipp;
            }
            String logs = sipp.logs();
            sipp.close();
            if (attempt == 3) {
                throw new IllegalStateException("SIPp did not start listening\n" + logs);
            }
        }
    }

    private static Sipp start(String scenario, List<String> extra) throws IOException {
        return start(scenario, Map.of(), extra);
    }

    private static Sipp start(String scenario, Map<String, String> replacements, List<String> extra)
            throws IOException {
        Path directory = Files.createTempDirectory("sipp");
        int port = FreePorts.sip();
        int mediaPort = FreePorts.mediaBlock();
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", resource(scenario, directory, replacements),
                "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", String.valueOf(mediaPort),
                "-m", "1", "-timeout", "30s", "-timeout_error", "-nostdin", "-trace_err", "-trace_msg"));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(directory.resolve("screen.txt").toFile()).start();
        return new Sipp(process, directory, port, mediaPort);
    }

    /** The scenario as a file SIPp can read: copied into the run's directory, so it works from the test jar too. */
    private static String resource(String scenario, Path directory, Map<String, String> replacements)
            throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no SIPp scenario " + scenario);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                text = text.replace(replacement.getKey(), replacement.getValue());
            }
            Path copy = directory.resolve(scenario);
            Files.writeString(copy, text, java.nio.charset.StandardCharsets.ISO_8859_1);
            return copy.toString();
        }
    }

    public int port() {
        return port;
    }

    /** SIPp's exit code: 0 when its one call followed the scenario to the end. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** SIPp's error and message logs, for assertion messages. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String content = Files.readString(file);
                text.append("== ").append(file.getFileName()).append('\n')
                        .append(content.length() > 6000 ? content.substring(content.length() - 6000) : content);
            }
        } catch (IOException e) {
            text.append(e);
        }
        return text.toString();
    }

    /**
     * Waits until SIPp holds its SIP port and both media ports (it binds them in that order and exits
     * when one is taken by someone else); false when it exited or did not get there in ten seconds.
     * The ports are looked up in the kernel's socket tables: binding them to see would race SIPp.
     */
    private boolean awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if ((bound("udp", port) || bound("tcp", port)) && bound("udp", mediaPort) && bound("udp", mediaPort + 2)) {
                return process.isAlive();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * True when {@code /proc/net/<protocol>} lists a socket bound to {@code port} (for TCP, one listening):
     * each line's second field is the local address as {@code HEXIP:HEXPORT}, the fourth its state.
     */
    private static boolean bound(String protocol, int port) {
        String local = String.format(":%04X", port);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net", protocol))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(local)
                        && ("udp".equals(protocol) || "0A".equals(fields[3]))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/net/" + protocol, e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(directory);
    }

    static void delete(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
