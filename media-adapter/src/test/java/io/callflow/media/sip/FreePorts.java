package io.callflow.media.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports free on loopback for both UDP and TCP right now (tests bind them soon after). */
final class FreePorts {
    private FreePorts() {
    }

    static int sip() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                 ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                // taken for TCP: try another
            }
        }
        throw new IllegalStateException("no free UDP+TCP port on loopback");
    }

    /** The base of a block of RTP ports, away from the ephemeral range SIPp and tests use. */
    static int rtpBase() {
        return 20_000 + 2 * (int) (Math.random() * 5_000);
    }
}
