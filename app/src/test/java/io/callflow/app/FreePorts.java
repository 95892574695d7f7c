package io.callflow.app;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports on loopback that nobody uses when asked: a SIP port free on UDP and TCP, with a block above it for RTP. */
final class FreePorts {
    private FreePorts() {
    }

    static int udpAndTcp() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(30_000, 50_000) & ~1;
            try (DatagramSocket udp = new DatagramSocket(port, loopback);
                 ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port for SIP on loopback");
    }
}
