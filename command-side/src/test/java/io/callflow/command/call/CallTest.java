package io.callflow.command.call;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.call.Address;
import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallDigitReceived;
import io.callflow.domain.call.CallDirection;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.CallMuteChanged;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.CallStatusChanged;
import io.callflow.domain.call.CreateCall;
import io.callflow.domain.call.HangupBy;
import io.callflow.domain.call.HangupCall;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.call.HangupReason;
import io.callflow.domain.call.RecordCallDigit;
import io.callflow.domain.call.RecordCallEnded;
import io.callflow.domain.call.RecordCallMute;
import io.callflow.domain.call.RecordCallProgress;
import io.callflow.domain.common.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call status machine (reference 6.1), local hangup (6.2) and hangup finalization (6.3). */
class CallTest {
    private static final CallId ID = new CallId(UUID.fromString("ca110000-0000-0000-0000-000000000001"));
    private static final CustomerId OWNER = new CustomerId(UUID.fromString("cccccccc-0000-0000-0000-000000000001"));
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private AggregateTestFixture<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
    }

    private static CallCreated created(CallDirection direction) {
        return new CallCreated(ID, OWNER, direction, Address.of("sip", "alice@127.0.0.1"), Address.of("tel", "+15551230000"),
                null, null, new ActiveflowId(UUID.randomUUID()), null, "sip-call-id", "127.0.0.1:5070", null, false, false, T0);
    }

    private static CallStatusChanged status(CallStatus status) {
        return new CallStatusChanged(ID, OWNER, status, null, T0);
    }

    @Test
    void an_answered_incoming_call_hung_up_by_the_caller_is_normal_and_remote() {
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.RINGING), status(CallStatus.PROGRESSING))
                .when(new RecordCallEnded(ID, HangupCause.NORMAL_CLEARING, 0, T0))
                .expectEvents(new CallHungUp(ID, OWNER, HangupReason.NORMAL, HangupBy.REMOTE,
                        HangupCause.NORMAL_CLEARING, 0, T0));
    }

    @Test
    void a_local_hangup_of_an_answered_call_terminates_it_and_ends_local() {
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING))
                .when(new HangupCall(ID, null, HangupReason.NORMAL, T0))
                .expectEvents(new CallStatusChanged(ID, OWNER, CallStatus.TERMINATING, HangupReason.NORMAL, T0));
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING),
                        new CallStatusChanged(ID, OWNER, CallStatus.TERMINATING, HangupReason.NORMAL, T0))
                .when(new RecordCallEnded(ID, HangupCause.NORMAL_CLEARING, 0, T0))
                .expectEvents(new CallHungUp(ID, OWNER, HangupReason.NORMAL, HangupBy.LOCAL,
                        HangupCause.NORMAL_CLEARING, 0, T0));
    }

    @Test
    void an_outgoing_call_hung_up_before_answer_is_canceled() {
        fixture.given(created(CallDirection.OUTGOING), status(CallStatus.RINGING))
                .when(new HangupCall(ID, OWNER, HangupReason.NORMAL, T0))
                .expectEvents(new CallStatusChanged(ID, OWNER, CallStatus.CANCELING, HangupReason.NORMAL, T0));
        fixture.given(created(CallDirection.OUTGOING), status(CallStatus.RINGING),
                        new CallStatusChanged(ID, OWNER, CallStatus.CANCELING, HangupReason.NORMAL, T0))
                .when(new RecordCallEnded(ID, HangupCause.NORMAL_CLEARING, 487, T0))
                .expectEvents(new CallHungUp(ID, OWNER, HangupReason.CANCEL, HangupBy.LOCAL,
                        HangupCause.NORMAL_CLEARING, 487, T0));
    }

    @Test
    void outgoing_failures_before_answer_map_to_busy_noanswer_dialout_failed() {
        expectOutgoingEnd(HangupCause.USER_BUSY, HangupReason.BUSY);
        expectOutgoingEnd(HangupCause.NO_ANSWER, HangupReason.NOANSWER);
        expectOutgoingEnd(HangupCause.CALL_REJECTED, HangupReason.NOANSWER);
        expectOutgoingEnd(HangupCause.UNKNOWN, HangupReason.DIALOUT);
        expectOutgoingEnd(HangupCause.FAILED, HangupReason.FAILED);
    }

    /** VoIPbin's "dialout: the call reached the dialing timeout before it was answered; fired by our time out". */
    @Test
    void our_ring_timeout_running_out_is_dialout_by_remote() {
        expectOutgoingEnd(HangupCause.DIAL_TIMEOUT, HangupReason.DIALOUT);
    }

    /** The call-duration timeout ends an answered call without a local hangup request: timeout, by remote (6.3). */
    @Test
    void the_longest_duration_running_out_is_timeout() {
        for (CallDirection direction : CallDirection.values()) {
            fixture.given(created(direction), status(CallStatus.PROGRESSING))
                    .when(new RecordCallEnded(ID, HangupCause.DURATION_TIMEOUT, 0, T0))
                    .expectEvents(new CallHungUp(ID, OWNER, HangupReason.TIMEOUT, HangupBy.REMOTE,
                            HangupCause.DURATION_TIMEOUT, 0, T0));
        }
    }

    @Test
    void mute_direction_combines_in_and_out_and_unchanged_mutes_record_nothing() {
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING))
                .when(new RecordCallMute(ID, "in", true, T0))
                .expectEvents(new CallMuteChanged(ID, OWNER, "in", T0));
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING),
                        new CallMuteChanged(ID, OWNER, "in", T0))
                .when(new RecordCallMute(ID, "out", true, T0))
                .expectEvents(new CallMuteChanged(ID, OWNER, "both", T0));
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING),
                        new CallMuteChanged(ID, OWNER, "both", T0))
                .when(new RecordCallMute(ID, "in", false, T0))
                .expectEvents(new CallMuteChanged(ID, OWNER, "out", T0));
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING),
                        new CallMuteChanged(ID, OWNER, "out", T0))
                .when(new RecordCallMute(ID, "both", false, T0))
                .expectEvents(new CallMuteChanged(ID, OWNER, "", T0));
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING),
                        new CallMuteChanged(ID, OWNER, "both", T0))
                .when(new RecordCallMute(ID, "out", true, T0))
                .expectNoEvents();
    }

    private void expectOutgoingEnd(HangupCause cause, HangupReason reason) {
        fixture.given(created(CallDirection.OUTGOING), status(CallStatus.RINGING))
                .when(new RecordCallEnded(ID, cause, 486, T0))
                .expectEvents(new CallHungUp(ID, OWNER, reason, HangupBy.REMOTE, cause, 486, T0));
    }

    @Test
    void refused_transitions_and_repeated_hangups_change_nothing() {
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING))
                .when(new RecordCallProgress(ID, CallStatus.RINGING, T0))
                .expectNoEvents();
        fixture.given(created(CallDirection.INCOMING),
                        new CallStatusChanged(ID, OWNER, CallStatus.TERMINATING, HangupReason.NORMAL, T0))
                .when(new HangupCall(ID, null, HangupReason.BUSY, T0))
                .expectNoEvents();
        fixture.given(created(CallDirection.INCOMING), new CallHungUp(ID, OWNER, HangupReason.NORMAL,
                        HangupBy.REMOTE, HangupCause.NORMAL_CLEARING, 0, T0))
                .when(new RecordCallEnded(ID, HangupCause.FAILED, 0, T0))
                .expectNoEvents();
    }

    @Test
    void amd_hangup_while_terminating_is_amd_and_keys_are_recorded_until_hangup() {
        fixture.given(created(CallDirection.OUTGOING), status(CallStatus.PROGRESSING),
                        new CallStatusChanged(ID, OWNER, CallStatus.TERMINATING, HangupReason.AMD, T0))
                .when(new RecordCallEnded(ID, HangupCause.AMD, 0, T0))
                .expectEvents(new CallHungUp(ID, OWNER, HangupReason.AMD, HangupBy.LOCAL, HangupCause.AMD, 0, T0));
        fixture.given(created(CallDirection.INCOMING), status(CallStatus.PROGRESSING))
                .when(new RecordCallDigit(ID, "5", T0))
                .expectEvents(new CallDigitReceived(ID, OWNER, "5", T0));
    }

    @Test
    void an_incoming_call_is_created_ringing_and_an_outgoing_one_dialing() {
        CallCreated incoming = created(CallDirection.INCOMING);
        fixture.givenNoPriorActivity()
                .when(new CreateCall(ID, OWNER, CallDirection.INCOMING, incoming.source(),
                        incoming.destination(), null, null, incoming.activeflowId(), null, "sip-call-id",
                        "127.0.0.1:5070", null, false, false, T0))
                .expectEvents(incoming, status(CallStatus.RINGING));
        CallCreated outgoing = created(CallDirection.OUTGOING);
        fixture.givenNoPriorActivity()
                .when(new CreateCall(ID, OWNER, CallDirection.OUTGOING, outgoing.source(),
                        outgoing.destination(), null, null, outgoing.activeflowId(), null, "sip-call-id",
                        "127.0.0.1:5070", null, false, false, T0))
                .expectEvents(outgoing);
    }
}
