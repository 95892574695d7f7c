package io.callflow.media.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A headless baresip 1.0 as a SIP phone on loopback, driven through its {@code ctrl_tcp}
 * module (netstring-framed JSON commands). It sends a 440 Hz sine (ausine), plays what it
 * hears into nothing (aubridge) and dumps both directions as WAV files (sndfile) under
 * {@link #recordings()}. It answers incoming calls by itself. Commands: {@code dial <uri>},
 * {@code hangup}, {@code sndcode <keys>} (RFC 4733 when the far end accepts telephone-event),
 * {@code quit}.
 */
public final class Baresip implements AutoCloseable {
    private static final String MODULES = "/usr/lib/baresip/modules";

    private final Process process;
    private final Path directory;
    private final int sipPort;
    private final int controlPort;
    private int token;

    private Baresip(Process process, Path directory, int sipPort, int controlPort) {
        this.process = process;
        this.directory = directory;
        this.sipPort = sipPort;
        this.controlPort = controlPort;
    }

    public static Baresip start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("baresip");
        int sipPort = FreePorts.sip();
        int controlPort = FreePorts.sip();
        Files.createDirectories(directory.resolve("recordings"));
        Files.writeString(directory.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                // ausine only makes 48 kHz stereo; baresip resamples it to the codec's 8 kHz mono
                "audio_source ausine,440",
                "ausrc_srate 48000",
                "ausrc_channels 2",
                "audio_player aubridge,sink",
                "module_path " + MODULES,
                "module g711.so",
                "module ausine.so",
                "module aubridge.so",
                "module sndfile.so",
                // account.so loads the accounts file; without it there is no user agent and dial fails with EINVAL
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + controlPort,
                "snd_path " + directory.resolve("recordings"),
                ""));
        Files.writeString(directory.resolve("accounts"), "<sip:alice@127.0.0.1>;regint=0;answermode=auto\n");
        Files.writeString(directory.resolve("contacts"), "");
        Process process = new ProcessBuilder("baresip", "-n", "127.0.0.1", "-f", directory.toString())
                .directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("baresip.log").toFile()).start();
        Baresip baresip = new Baresip(process, directory, sipPort, controlPort);
        baresip.awaitControl();
        return baresip;
    }

    public int sipPort() {
        return sipPort;
    }

    public Path recordings() {
        return directory.resolve("recordings");
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("baresip.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Sends one command and returns baresip's JSON response. */
    public String command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"" + (++token) + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads netstrings until the one that answers our command (events may come first). */
    private static String readResponse(InputStream in) throws IOException {
        while (true) {
            StringBuilder length = new StringBuilder();
            for (int c = in.read(); c != ':'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("baresip closed the control connection");
                }
                length.append((char) c);
            }
            String message = new String(in.readNBytes(Integer.parseInt(length.toString())), StandardCharsets.UTF_8);
            in.read(); // the trailing comma
            if (message.contains("\"response\"")) {
                return message;
            }
        }
    }

    private void awaitControl() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("baresip did not start: " + log());
    }

    @Override
    public void close() {
        try {
            command("quit", "");
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // killed below
        } finally {
            process.destroyForcibly();
            Sipp.delete(directory);
        }
    }
}
