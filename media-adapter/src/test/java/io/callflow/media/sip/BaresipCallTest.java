package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.callflow.media.sip.InboundCallTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/** baresip, a real softphone, calls our edge and is called by it. */
class BaresipCallTest {
    private final BlockingQueue<IncomingInvite> admitted = new LinkedBlockingQueue<>();
    private final RecordedCall listener = new RecordedCall();
    private JainSipEdge edge;
    private int port;

    @BeforeEach
    void start() {
        port = FreePorts.sip();
        int rtp = FreePorts.rtpBase();
        edge = new JainSipEdge(new SipSettings("127.0.0.1", port, "127.0.0.1", rtp, rtp + 99), invite -> {
            admitted.add(invite);
            return new Admission.Accept(listener);
        });
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void baresip_calls_us_sends_audio_and_a_key_and_hangs_up() throws Exception {
        try (Baresip phone = Baresip.start()) {
            phone.command("dial", "sip:1000@127.0.0.1:" + port);
            IncomingInvite invite = admitted.poll(20, TimeUnit.SECONDS);
            assertThat(invite).as(phone::log).isNotNull();
            SipCall call = invite.call();
            call.ring();
            call.answer();
            assertThat(listener.next()).isEqualTo("ringing");
            assertThat(listener.next()).as(phone::log).isEqualTo("answered");
            int frames = 0;
            for (int tick = 0; tick < 100; tick++) {
                if (call.media().receive() != null) {
                    frames++;
                }
                call.media().send(new short[160]);
                Thread.sleep(20);
            }
            phone.command("sndcode", "5");
            awaitTrue(() -> !listener.digits.isEmpty());
            phone.command("hangup", "");
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 0));
            assertThat(frames).as("frames heard from baresip").isPositive();
            assertThat(listener.digits).as(phone::log).containsExactly('5');
        }
        awaitTrue(() -> edge.liveCalls() == 0 && edge.rtpPorts().inUse() == 0);
        assertThat(edge.rtpPorts().inUse()).isZero();
    }

    @Test
    void we_call_baresip_which_answers_and_we_hang_up() throws Exception {
        try (Baresip phone = Baresip.start()) {
            SipCall call = edge.dial(new Dial("sip:alice@127.0.0.1:" + phone.sipPort(), "2000", "Callflow", null,
                    Duration.ofSeconds(20)), listener);
            awaitTrue(() -> listener.events.contains("answered"));
            assertThat(listener.events).as(phone::log).contains("answered");
            int frames = 0;
            for (int tick = 0; tick < 100; tick++) {
                if (call.media().receive() != null) {
                    frames++;
                }
                call.media().send(new short[160]);
                Thread.sleep(20);
            }
            call.hangup(HangupCause.NORMAL_CLEARING);
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, false, 0));
            assertThat(frames).as("frames heard from baresip").isPositive();
        }
    }
}
