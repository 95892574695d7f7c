package io.callflow.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DTMF baseline's far end: one UDP socket that reads RFC 4733 telephone events straight off
 * the wire, with no jitter buffer, no platform and nothing stored, and writes down each stream's
 * keys (a key is one event code at one timestamp of one SSRC, however many packets carry it).
 */
final class KeyCounter implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread reader;
    private final Map<Integer, StringBuilder> keys = new HashMap<>();
    private final Set<Long> seen = new HashSet<>();
    private final AtomicLong eventPackets = new AtomicLong();
    private final AtomicLong endPackets = new AtomicLong();

    KeyCounter() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        reader = new Thread(this::read, "key-counter");
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void read() {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            if (packet.getLength() < 16 || (buffer[1] & 0x7f) != KeyPressCapture.EVENT_PAYLOAD_TYPE) {
                continue;
            }
            eventPackets.incrementAndGet();
            if ((buffer[13] & 0x80) != 0) {
                endPackets.incrementAndGet();
            }
            int timestamp = readInt(buffer, 4);
            int ssrc = readInt(buffer, 8);
            int event = buffer[12] & 0xff;
            synchronized (this) {
                if (seen.add(((long) ssrc << 32) | (timestamp & 0xffffffffL)) && event < KeyPressCapture.KEYS.length()) {
                    keys.computeIfAbsent(ssrc, s -> new StringBuilder()).append(KeyPressCapture.KEYS.charAt(event));
                }
            }
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** The keys read from the stream with this SSRC, in the order they arrived. */
    synchronized String keys(int ssrc) {
        StringBuilder read = keys.get(ssrc);
        return read == null ? "" : read.toString();
    }

    long eventPackets() {
        return eventPackets.get();
    }

    long endPackets() {
        return endPackets.get();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        reader.join(1_000);
    }
}
