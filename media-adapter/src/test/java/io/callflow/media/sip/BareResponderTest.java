package io.callflow.media.sip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BareResponderTest {
    @Test
    void bare_responder_completes_the_benchmark_call_scenario() throws Exception {
        int port = FreePorts.sip();
        try (BareResponder responder = new BareResponder("127.0.0.1", port)) {
            Thread.sleep(250); // jain-sip-ri 1.3.0-91 may NPE when stopped right after start
            try (Sipp sipp = Sipp.client("uac_call.xml", port, "1000", "-d", "200")) {
                assertThat(sipp.exitCode()).as(sipp::logs).isZero();
            }
        }
    }
}
