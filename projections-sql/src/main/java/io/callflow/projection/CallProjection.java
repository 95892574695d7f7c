package io.callflow.projection;

import static io.callflow.projection.Columns.id;
import static io.callflow.projection.Columns.json;
import static io.callflow.projection.Columns.name;
import static io.callflow.projection.Columns.time;
import static io.callflow.projection.jooq.Tables.CALLS;
import static io.callflow.projection.jooq.Tables.RECORDINGS;

import io.callflow.domain.call.CallCreated;
import io.callflow.domain.call.CallDigitReceived;
import io.callflow.domain.call.CallHungUp;
import io.callflow.domain.call.CallMuteChanged;
import io.callflow.domain.call.CallRecordingFinished;
import io.callflow.domain.call.CallRecordingStarted;
import io.callflow.domain.call.CallStatus;
import io.callflow.domain.call.CallStatusChanged;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The {@code calls} and {@code recordings} tables. Each change applies only to a row older than its event. */
@ProcessingGroup(CallProjection.GROUP)
public class CallProjection {
    public static final String GROUP = "call-projection";

    private final DSLContext sql;

    public CallProjection(DSLContext sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(CallCreated e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        sql.insertInto(CALLS)
                .set(CALLS.ID, e.callId().value())
                .set(CALLS.CUSTOMER_ID, e.customerId().value())
                .set(CALLS.DIRECTION, name(e.direction()))
                .set(CALLS.STATUS, name(CallStatus.DIALING))
                .set(CALLS.SOURCE, json(e.source()))
                .set(CALLS.DESTINATION, json(e.destination()))
                .set(CALLS.FLOW_ID, id(e.flowId()))
                .set(CALLS.ACTIVEFLOW_ID, id(e.activeflowId()))
                .set(CALLS.MASTER_CALL_ID, id(e.masterCallId()))
                .set(CALLS.LAST_SEQUENCE, sequence)
                .set(CALLS.TM_CREATE, at)
                .set(CALLS.TM_UPDATE, at)
                .onConflict(CALLS.ID).doNothing()
                .execute();
        if (e.masterCallId() != null) {
            // the master lists it among its chained calls, once however often this event is seen
            String chained = e.callId().value().toString();
            sql.update(CALLS)
                    .set(CALLS.CHAINED_CALL_IDS, DSL.field("{0} || jsonb_build_array({1}::text)",
                            CALLS.CHAINED_CALL_IDS.getDataType(), CALLS.CHAINED_CALL_IDS, DSL.val(chained)))
                    .where(CALLS.ID.eq(e.masterCallId().value()),
                            DSL.condition("not {0} @> jsonb_build_array({1}::text)", CALLS.CHAINED_CALL_IDS,
                                    DSL.val(chained)))
                    .execute();
        }
    }

    @EventHandler
    void on(CallMuteChanged e, @SequenceNumber long sequence) {
        sql.update(CALLS)
                .set(CALLS.MUTE_DIRECTION, e.muteDirection())
                .set(CALLS.TM_UPDATE, time(e.at()))
                .set(CALLS.LAST_SEQUENCE, sequence)
                .where(CALLS.ID.eq(e.callId().value()), CALLS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(CallStatusChanged e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        var update = sql.update(CALLS).set(CALLS.STATUS, name(e.status()));
        if (e.status() == CallStatus.RINGING) {
            update = update.set(CALLS.TM_RINGING, at);
        } else if (e.status() == CallStatus.PROGRESSING) {
            update = update.set(CALLS.TM_PROGRESSING, at);
        }
        update.set(CALLS.TM_UPDATE, at)
                .set(CALLS.LAST_SEQUENCE, sequence)
                .where(CALLS.ID.eq(e.callId().value()), CALLS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(CallHungUp e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        sql.update(CALLS)
                .set(CALLS.STATUS, name(CallStatus.HANGUP))
                .set(CALLS.HANGUP_REASON, e.reason().wireName())
                .set(CALLS.HANGUP_BY, name(e.by()))
                .set(CALLS.TM_HANGUP, at)
                .set(CALLS.TM_UPDATE, at)
                .set(CALLS.LAST_SEQUENCE, sequence)
                .where(CALLS.ID.eq(e.callId().value()), CALLS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(CallDigitReceived e, @SequenceNumber long sequence) {
        sql.update(CALLS)
                .set(CALLS.DIGITS, DSL.concat(CALLS.DIGITS, DSL.val(e.digit())))
                .set(CALLS.TM_UPDATE, time(e.at()))
                .set(CALLS.LAST_SEQUENCE, sequence)
                .where(CALLS.ID.eq(e.callId().value()), CALLS.LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(CallRecordingStarted e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        UUID recording = e.recordingId();
        int changed = sql.update(CALLS)
                .set(CALLS.RECORDING_IDS, DSL.field("{0} || jsonb_build_array({1}::text)", CALLS.RECORDING_IDS.getDataType(),
                        CALLS.RECORDING_IDS, DSL.val(recording.toString())))
                .set(CALLS.RECORDING_ID, recording)
                .set(CALLS.TM_UPDATE, at)
                .set(CALLS.LAST_SEQUENCE, sequence)
                .where(CALLS.ID.eq(e.callId().value()), CALLS.LAST_SEQUENCE.lt(sequence))
                .execute();
        if (changed == 0) {
            return;
        }
        sql.insertInto(RECORDINGS)
                .set(RECORDINGS.ID, recording)
                .set(RECORDINGS.CUSTOMER_ID, e.customerId().value())
                .set(RECORDINGS.REFERENCE_TYPE, "call")
                .set(RECORDINGS.REFERENCE_ID, e.callId().value())
                .set(RECORDINGS.STATUS, "recording")
                .set(RECORDINGS.FORMAT, e.format())
                .set(RECORDINGS.CHANNELS, e.channels())
                .set(RECORDINGS.TM_START, at)
                .set(RECORDINGS.TM_UPDATE, at)
                .onConflict(RECORDINGS.ID).doNothing()
                .execute();
    }

    @EventHandler
    void on(CallRecordingFinished e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        // as VoIPbin: the call's recording_id is the recording in progress, none once it ended
        sql.update(CALLS)
                .set(CALLS.RECORDING_ID, (UUID) null)
                .set(CALLS.TM_UPDATE, at)
                .set(CALLS.LAST_SEQUENCE, sequence)
                .where(CALLS.ID.eq(e.callId().value()), CALLS.LAST_SEQUENCE.lt(sequence),
                        CALLS.RECORDING_ID.eq(e.recordingId()))
                .execute();
        sql.update(RECORDINGS)
                .set(RECORDINGS.STATUS, "ended")
                .set(RECORDINGS.FILENAME, e.file())
                .set(RECORDINGS.DURATION_MS, e.durationMs())
                .set(RECORDINGS.DETAIL, e.detail() == null ? "" : e.detail())
                .set(RECORDINGS.TM_END, at)
                .set(RECORDINGS.TM_UPDATE, at)
                .where(RECORDINGS.ID.eq(e.recordingId()), RECORDINGS.TM_END.isNull())
                .execute();
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(RECORDINGS).execute();
        sql.deleteFrom(CALLS).execute();
    }
}
