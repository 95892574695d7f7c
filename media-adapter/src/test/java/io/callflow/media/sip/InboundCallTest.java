package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** SIPp calls our edge over loopback UDP. Number 1000 is taken, every other number is unknown. */
class InboundCallTest {
    private static final String KNOWN = "1000";

    private final BlockingQueue<IncomingInvite> admitted = new LinkedBlockingQueue<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final RecordedCall listener = new RecordedCall();
    private JainSipEdge edge;
    private int port;

    @BeforeEach
    void start() {
        port = FreePorts.sip();
        int rtp = FreePorts.rtpBase();
        edge = new JainSipEdge(new SipSettings("127.0.0.1", port, "127.0.0.1", rtp, rtp + 99), invite -> {
            asked.incrementAndGet();
            if (!invite.number().equals(KNOWN)) {
                return new Admission.Reject(404, "Not Found");
            }
            admitted.add(invite);
            return new Admission.Accept(listener);
        });
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void options_is_answered_200() throws Exception {
        try (Sipp sipp = Sipp.client("uac_options.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
    }

    @Test
    void answered_call_carries_audio_and_one_key_and_ends_when_the_caller_hangs_up() throws Exception {
        try (Sipp sipp = Sipp.client("uac_call_pcap.xml", port, KNOWN)) {
            IncomingInvite invite = admitted.poll(20, TimeUnit.SECONDS);
            assertThat(invite).as(sipp::logs).isNotNull();
            assertThat(invite.fromDisplayName()).isEqualTo("Alice");
            assertThat(invite.transport()).isEqualToIgnoringCase("udp");
            SipCall call = invite.call();
            call.ring();
            call.answer();
            assertThat(listener.next()).isEqualTo("ringing");
            assertThat(listener.next()).isEqualTo("answered");

            AtomicInteger frames = new AtomicInteger();
            AtomicBoolean heardSomething = new AtomicBoolean();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listener.ended.isDone() && System.nanoTime() < deadline) {
                short[] frame = call.media().receive();
                if (frame != null) {
                    frames.incrementAndGet();
                    for (short sample : frame) {
                        heardSomething.compareAndSet(false, sample != 0);
                    }
                }
                call.media().send(new short[160]);
                Thread.sleep(20);
            }
            RecordedCall.Ended ended = listener.awaitEnded();
            assertThat(ended).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 0));
            assertThat(frames.get()).as("frames received").isPositive();
            assertThat(heardSomething).isTrue();
            assertThat(listener.digits).containsExactly('1');
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** RFC 3261 13.3.1.1: no offer in the INVITE; ours goes in the 200 OK and the caller's PCMA answer in the ACK is followed. */
    @Test
    void a_delayed_offer_is_answered_with_ours_and_the_answer_in_the_ack_carries_the_audio() throws Exception {
        try (Sipp sipp = Sipp.client("uac_late_offer.xml", port, KNOWN)) {
            IncomingInvite invite = admitted.poll(20, TimeUnit.SECONDS);
            assertThat(invite).as(sipp::logs).isNotNull();
            SipCall call = invite.call();
            call.answer();
            assertThat(listener.next()).as(sipp::logs).isEqualTo("answered");
            boolean heardSomething = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listener.ended.isDone() && System.nanoTime() < deadline) {
                short[] frame = call.media().receive();
                for (int i = 0; frame != null && i < frame.length && !heardSomething; i++) {
                    heardSomething = frame[i] != 0;
                }
                Thread.sleep(20);
            }
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 0));
            assertThat(heardSomething).as("the caller's PCMA audio, decoded").isTrue();
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** RFC 3261 13.3.1.4: an ACK that answers our offer with nothing leaves no session to keep: we send BYE. */
    @Test
    void a_delayed_offer_whose_ack_answers_nothing_is_ended_with_our_bye() throws Exception {
        try (Sipp sipp = Sipp.client("uac_late_offer_no_answer.xml", port, KNOWN)) {
            IncomingInvite invite = admitted.poll(20, TimeUnit.SECONDS);
            assertThat(invite).as(sipp::logs).isNotNull();
            invite.call().answer();
            assertThat(listener.awaitEnded()).as(sipp::logs)
                    .isEqualTo(new RecordedCall.Ended(HangupCause.FAILED, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void unknown_number_is_refused_404_and_keeps_no_port() throws Exception {
        try (Sipp sipp = Sipp.client("uac_invite_404.xml", port, "4040")) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(asked).hasValue(1);
        assertReleased();
    }

    @Test
    void offer_without_g711_is_refused_488_without_asking_the_platform() throws Exception {
        try (Sipp sipp = Sipp.client("uac_invite_488.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(asked).hasValue(0);
        assertReleased();
    }

    @Test
    void an_offer_whose_audio_stream_is_rejected_is_refused_488() throws Exception {
        try (Sipp sipp = Sipp.client("uac_invite_port0.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(asked).hasValue(0);
        assertReleased();
    }

    /** RFC 3261 8.2.2.3: an extension the caller requires and we lack is refused 420 with Unsupported. */
    @Test
    void an_invite_requiring_an_extension_gets_420_naming_it() throws Exception {
        try (Sipp sipp = Sipp.client("uac_invite_require.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(asked).hasValue(0);
        assertReleased();
    }

    /** RFC 3261 12.2.2: an INVITE with a To tag belongs to a dialog; one we do not know gets 481. */
    @Test
    void an_invite_for_an_unknown_dialog_gets_481() throws Exception {
        try (Sipp sipp = Sipp.client("uac_invite_unknown_dialog.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(asked).hasValue(0);
        assertReleased();
    }

    @Test
    void unreadable_sdp_is_refused_400_without_asking_the_platform() throws Exception {
        try (Sipp sipp = Sipp.client("uac_invite_400.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(asked).hasValue(0);
        assertReleased();
    }

    @Test
    void garbage_datagram_does_not_stop_the_edge_answering_options() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[][] garbage = {
                    {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 13, 10, 13, 10},
                    "INVITE sip:1000@127.0.0.1 SIP/2.0\r\nVia: nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    "SIP/2.0 200 OK\r\nCSeq: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            };
            for (byte[] datagram : garbage) {
                socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
            }
        }
        try (Sipp sipp = Sipp.client("uac_options.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void method_we_do_not_handle_gets_501() throws Exception {
        try (Sipp sipp = Sipp.client("uac_message.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void bye_for_no_known_call_gets_481() throws Exception {
        try (Sipp sipp = Sipp.client("uac_bye_unknown.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void info_for_no_known_call_gets_481() throws Exception {
        try (Sipp sipp = Sipp.client("uac_info_unknown.xml", port, KNOWN)) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void options_over_tcp_is_answered_200() throws Exception {
        try (Sipp sipp = Sipp.client("uac_options.xml", port, KNOWN, "-t", "t1")) {
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
    }

    @Test
    void keys_sent_by_sip_info_reach_the_listener() throws Exception {
        try (Sipp sipp = Sipp.client("uac_call_info.xml", port, KNOWN)) {
            SipCall call = admitted.poll(20, TimeUnit.SECONDS).call();
            call.answer();
            assertThat(listener.next()).isEqualTo("answered");
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 0));
            assertThat(listener.digits).containsExactly('5', '7');
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** A plain CANCEL is normal clearing, as a SIP gateway reports it (VoIPbin's incoming table then says normal). */
    @Test
    void caller_giving_up_while_it_rings_ends_the_call_as_normal_clearing() throws Exception {
        try (Sipp sipp = Sipp.client("uac_cancel.xml", port, KNOWN)) {
            admitted.poll(20, TimeUnit.SECONDS).call().ring();
            assertThat(listener.next()).isEqualTo("ringing");
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 487));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** RFC 3326: a CANCEL that says why (Reason: Q.850;cause=19) ends the call for that cause. */
    @Test
    void a_cancel_with_a_reason_ends_the_call_for_that_cause() throws Exception {
        try (Sipp sipp = Sipp.client("uac_cancel_reason.xml", port, KNOWN)) {
            admitted.poll(20, TimeUnit.SECONDS).call().ring();
            assertThat(listener.next()).isEqualTo("ringing");
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NO_ANSWER, true, 487));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void hanging_up_before_the_answer_turns_the_caller_away_with_the_matching_status() throws Exception {
        try (Sipp sipp = Sipp.client("uac_busy.xml", port, KNOWN)) {
            admitted.poll(20, TimeUnit.SECONDS).call().hangup(HangupCause.USER_BUSY);
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.USER_BUSY, false, 486));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void hanging_up_an_answered_call_sends_bye() throws Exception {
        try (Sipp sipp = Sipp.client("uac_wait_for_bye.xml", port, KNOWN)) {
            SipCall call = admitted.poll(20, TimeUnit.SECONDS).call();
            call.answer();
            assertThat(listener.next()).isEqualTo("answered");
            call.hangup(HangupCause.DURATION_TIMEOUT);
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.DURATION_TIMEOUT, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** RFC 3264: a caller putting us on hold offers sendonly and must be answered recvonly; resuming, sendrecv. */
    @Test
    void hold_is_answered_recvonly_and_resume_sendrecv() throws Exception {
        try (Sipp sipp = Sipp.client("uac_hold_resume.xml", port, KNOWN)) {
            SipCall call = admitted.poll(20, TimeUnit.SECONDS).call();
            call.answer();
            assertThat(listener.next()).isEqualTo("answered");
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** VoIPbin's call-duration timeout: a call still up after the longest duration is hung up with that cause. */
    @Test
    void a_call_longer_than_the_longest_duration_is_hung_up_as_duration_timeout() throws Exception {
        int shortPort = FreePorts.sip();
        int rtp = FreePorts.rtpBase();
        RecordedCall shortCall = new RecordedCall();
        try (JainSipEdge shortEdge = new JainSipEdge(new SipSettings("127.0.0.1", shortPort, "127.0.0.1", rtp, rtp + 9,
                java.time.Duration.ofSeconds(2)), invite -> {
                    invite.call().answer();
                    return new Admission.Accept(shortCall);
                });
             Sipp sipp = Sipp.client("uac_wait_for_bye.xml", shortPort, KNOWN)) {
            assertThat(shortCall.next()).isEqualTo("answered");
            assertThat(shortCall.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.DURATION_TIMEOUT, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
            awaitTrue(() -> shortEdge.liveCalls() == 0);
            assertThat(shortEdge.liveCalls()).isZero();
        }
    }

    @Test
    void closing_the_edge_hangs_up_live_calls() throws Exception {
        try (Sipp sipp = Sipp.client("uac_wait_for_bye.xml", port, KNOWN)) {
            SipCall call = admitted.poll(20, TimeUnit.SECONDS).call();
            call.answer();
            assertThat(listener.next()).isEqualTo("answered");
            edge.close();
            assertThat(listener.awaitEnded()).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertThat(edge.liveCalls()).isZero();
        assertThat(edge.rtpPorts().inUse()).isZero();
    }

    private void assertReleased() throws InterruptedException {
        awaitTrue(() -> edge.liveCalls() == 0 && edge.rtpPorts().inUse() == 0);
        assertThat(edge.liveCalls()).isZero();
        assertThat(edge.rtpPorts().inUse()).isZero();
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
