package io.callflow.media.sip;

import io.callflow.domain.call.HangupCause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.callflow.media.sip.InboundCallTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/** Our edge calls a SIPp callee over loopback UDP; each scenario plays one way a call can go. */
class OutboundCallTest {
    private final RecordedCall listener = new RecordedCall();
    private JainSipEdge edge;

    @BeforeEach
    void start() {
        int rtp = FreePorts.rtpBase();
        edge = new JainSipEdge(new SipSettings("127.0.0.1", FreePorts.sip(), "127.0.0.1", rtp, rtp + 99),
                invite -> new Admission.Reject(403, "Forbidden"));
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private SipCall dial(Sipp sipp, TrunkAccount trunk, Duration ringTimeout) {
        return edge.dial(new Dial("sip:1000@127.0.0.1:" + sipp.port(), "2000", "Callflow Test", trunk, ringTimeout),
                listener);
    }

    @Test
    void answered_call_is_ended_by_our_bye() throws Exception {
        try (Sipp sipp = Sipp.server("uas_answer.xml")) {
            SipCall call = dial(sipp, null, Duration.ofSeconds(20));
            assertThat(listener.next()).isEqualTo("ringing");
            assertThat(listener.next()).as(sipp::logs).isEqualTo("answered");
            call.media().send(new short[160]);
            call.hangup(HangupCause.NORMAL_CLEARING);
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void call_over_tcp_is_answered_and_ended_by_our_bye() throws Exception {
        try (Sipp sipp = Sipp.server("uas_answer.xml", "-t", "t1")) {
            SipCall call = edge.dial(new Dial("sip:1000@127.0.0.1:" + sipp.port() + ";transport=tcp", "2000", null, null,
                    Duration.ofSeconds(20)), listener);
            assertThat(listener.next()).as(sipp::logs).isEqualTo("ringing");
            assertThat(listener.next()).as(sipp::logs).isEqualTo("answered");
            call.hangup(HangupCause.NORMAL_CLEARING);
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void busy_callee_ends_the_call_as_user_busy() throws Exception {
        try (Sipp sipp = Sipp.server("uas_busy.xml")) {
            dial(sipp, null, Duration.ofSeconds(20));
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.USER_BUSY, true, 486));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** Our own dial timeout running out is VoIPbin's "dialout", not the far end's "noanswer". */
    @Test
    void ring_timeout_cancels_the_call_as_dial_timeout() throws Exception {
        try (Sipp sipp = Sipp.server("uas_ring.xml")) {
            dial(sipp, null, Duration.ofSeconds(2));
            assertThat(listener.next()).isEqualTo("ringing");
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.DIAL_TIMEOUT, true, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void hanging_up_while_it_rings_cancels_the_call() throws Exception {
        try (Sipp sipp = Sipp.server("uas_ring.xml")) {
            SipCall call = dial(sipp, null, Duration.ofSeconds(30));
            assertThat(listener.next()).isEqualTo("ringing");
            call.hangup(HangupCause.NORMAL_CLEARING);
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, false, 487));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void callee_hanging_up_ends_the_call_by_remote() throws Exception {
        try (Sipp sipp = Sipp.server("uas_remote_bye.xml")) {
            dial(sipp, null, Duration.ofSeconds(20));
            assertThat(listener.next()).as(sipp::logs).isEqualTo("answered");
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, true, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** 183 Session Progress reaches the far end as much as 180 does: the call rings. */
    @Test
    void session_progress_without_media_is_ringing() throws Exception {
        try (Sipp sipp = Sipp.server("uas_progress_busy.xml")) {
            dial(sipp, null, Duration.ofSeconds(20));
            assertThat(listener.next()).as(sipp::logs).isEqualTo("ringing");
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.USER_BUSY, true, 486));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /**
     * Final statuses as the cause a SIP gateway gives them (Q.850, Asterisk's table), which VoIPbin's
     * hangup reasons read: busy, no answer, rejected, and every other status a failure.
     */
    @ParameterizedTest
    @CsvSource({"486,USER_BUSY", "600,USER_BUSY", "480,NO_ANSWER", "603,CALL_REJECTED", "403,CALL_REJECTED",
            "404,FAILED", "408,FAILED", "484,FAILED", "604,FAILED", "500,FAILED", "503,FAILED"})
    void a_final_status_ends_the_call_with_its_cause(int status, HangupCause cause) throws Exception {
        try (Sipp sipp = Sipp.server("uas_reject.xml", java.util.Map.of("STATUS", String.valueOf(status)))) {
            dial(sipp, null, Duration.ofSeconds(20));
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(cause, true, status));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void an_anonymous_call_withholds_the_caller_id() throws Exception {
        try (Sipp sipp = Sipp.server("uas_anonymous.xml")) {
            edge.dial(new Dial("sip:1000@127.0.0.1:" + sipp.port(), "2000", "Callflow Test", null,
                    Duration.ofSeconds(20), true), listener);
            assertThat(listener.awaitEnded()).as(sipp::logs)
                    .isEqualTo(new RecordedCall.Ended(HangupCause.USER_BUSY, true, 486));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    /** 401 (WWW-Authenticate, the digest verified by SIPp) and 407 (Proxy-Authenticate) alike. */
    @ParameterizedTest
    @ValueSource(strings = {"uas_digest.xml", "uas_proxy_digest.xml"})
    void a_digest_challenge_is_answered_once_with_the_trunk_credentials(String scenario) throws Exception {
        try (Sipp sipp = Sipp.server(scenario)) {
            SipCall call = dial(sipp, new TrunkAccount("127.0.0.1", sipp.port(), "udp", "trunkuser", "s3cret"),
                    Duration.ofSeconds(20));
            assertThat(listener.next()).as(sipp::logs).isEqualTo("answered");
            call.hangup(HangupCause.NORMAL_CLEARING);
            assertThat(listener.awaitEnded()).as(sipp::logs).isEqualTo(new RecordedCall.Ended(HangupCause.NORMAL_CLEARING, false, 0));
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    @Test
    void a_second_challenge_is_not_answered_and_the_call_fails() throws Exception {
        try (Sipp sipp = Sipp.server("uas_digest_twice.xml")) {
            dial(sipp, new TrunkAccount("127.0.0.1", sipp.port(), "udp", "trunkuser", "s3cret"), Duration.ofSeconds(20));
            RecordedCall.Ended ended = listener.awaitEnded();
            assertThat(ended.sipStatus()).as(sipp::logs).isEqualTo(401);
            assertThat(ended.byRemote()).isTrue();
            assertThat(sipp.exitCode()).as(sipp::logs).isZero();
        }
        assertReleased();
    }

    private void assertReleased() throws InterruptedException {
        awaitTrue(() -> edge.liveCalls() == 0 && edge.rtpPorts().inUse() == 0);
        assertThat(edge.liveCalls()).isZero();
        assertThat(edge.rtpPorts().inUse()).isZero();
    }
}
