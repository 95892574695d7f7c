package io.callflow.media.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * An even UDP port whose next three are free too: SIPp binds its media port and the port two
     * above it (audio and video RTP) and stops at once when either is taken.
     */
    static int mediaBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 30_000 + 4 * (int) (Math.random() * 500);
            if (udpFree(base, 4)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of four free UDP ports on loopback");
    }

    private static boolean udpFree(int base, int count) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int port = base; port < base + count; port++) {
                held.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }

    /** The base of a block of RTP ports, away from the ephemeral range SIPp and tests use. */
    static int rtpBase() {
        return 20_000 + 2 * (int) (Math.random() * 5_000);
    }
}
