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
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * The {@code calls} and {@code recordings} tables. Each change applies only to a row older than its event, in
 * event order (each event sets columns of its own, so a later one must not go first). The statements are written
 * once by jOOQ when the projection starts and run with each event's values ({@link PreparedBatch.Statement}).
 */
@ProcessingGroup(CallProjection.GROUP)
public class CallProjection {
    public static final String GROUP = "call-projection";

    private final DSLContext sql;
    private final Statements statements;

    public CallProjection(DSLContext sql) {
        this.sql = sql;
        this.statements = new Statements(sql);
    }

    /** Every statement the projection runs, written once; their placeholders in the order each event binds them. */
    private static final class Statements {
        final PreparedBatch.Statement created;
        final PreparedBatch.Statement chained;
        final PreparedBatch.Statement muted;
        final PreparedBatch.Statement ringing;
        final PreparedBatch.Statement progressing;
        final PreparedBatch.Statement status;
        final PreparedBatch.Statement hungUp;
        final PreparedBatch.Statement digit;
        final PreparedBatch.Statement recordingStarted;
        final PreparedBatch.Statement recording;
        final PreparedBatch.Statement recordingEnded;
        final PreparedBatch.Statement recordingFinished;

        Statements(DSLContext sql) {
            created = PreparedBatch.Statement.of(sql.insertInto(CALLS)
                    .set(CALLS.ID, (UUID) null)
                    .set(CALLS.CUSTOMER_ID, (UUID) null)
                    .set(CALLS.DIRECTION, (String) null)
                    .set(CALLS.STATUS, (String) null)
                    .set(CALLS.SOURCE, (JSON) null)
                    .set(CALLS.DESTINATION, (JSON) null)
                    .set(CALLS.FLOW_ID, (UUID) null)
                    .set(CALLS.ACTIVEFLOW_ID, (UUID) null)
                    .set(CALLS.MASTER_CALL_ID, (UUID) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .set(CALLS.TM_CREATE, (OffsetDateTime) null)
                    .set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .onConflict(CALLS.ID).doNothing());
            // the master lists it among its chained calls, once however often this event is seen
            Field<String> chainedId = DSL.val((String) null);
            chained = PreparedBatch.Statement.of(sql.update(CALLS)
                    .set(CALLS.CHAINED_CALL_IDS, DSL.field("{0} || jsonb_build_array({1}::text)",
                            CALLS.CHAINED_CALL_IDS.getDataType(), CALLS.CHAINED_CALL_IDS, chainedId))
                    .where(CALLS.ID.eq((UUID) null),
                            DSL.condition("not {0} @> jsonb_build_array({1}::text)", CALLS.CHAINED_CALL_IDS, chainedId)));
            muted = PreparedBatch.Statement.of(sql.update(CALLS)
                    .set(CALLS.MUTE_DIRECTION, (String) null)
                    .set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .where(CALLS.ID.eq((UUID) null), CALLS.LAST_SEQUENCE.lt((Long) null)));
            ringing = status(sql, CALLS.TM_RINGING);
            progressing = status(sql, CALLS.TM_PROGRESSING);
            status = status(sql, null);
            hungUp = PreparedBatch.Statement.of(sql.update(CALLS)
                    .set(CALLS.STATUS, DSL.inline(name(CallStatus.HANGUP)))
                    .set(CALLS.HANGUP_REASON, (String) null)
                    .set(CALLS.HANGUP_BY, (String) null)
                    .set(CALLS.TM_HANGUP, (OffsetDateTime) null)
                    .set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .where(CALLS.ID.eq((UUID) null), CALLS.LAST_SEQUENCE.lt((Long) null)));
            digit = PreparedBatch.Statement.of(sql.update(CALLS)
                    .set(CALLS.DIGITS, DSL.concat(CALLS.DIGITS, DSL.val((String) null)))
                    .set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .where(CALLS.ID.eq((UUID) null), CALLS.LAST_SEQUENCE.lt((Long) null)));
            Field<String> recordingId = DSL.val((String) null);
            recordingStarted = PreparedBatch.Statement.of(sql.update(CALLS)
                    .set(CALLS.RECORDING_IDS, DSL.field("{0} || jsonb_build_array({1}::text)",
                            CALLS.RECORDING_IDS.getDataType(), CALLS.RECORDING_IDS, recordingId))
                    .set(CALLS.RECORDING_ID, (UUID) null)
                    .set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .where(CALLS.ID.eq((UUID) null), CALLS.LAST_SEQUENCE.lt((Long) null)));
            recording = PreparedBatch.Statement.of(sql.insertInto(RECORDINGS)
                    .set(RECORDINGS.ID, (UUID) null)
                    .set(RECORDINGS.CUSTOMER_ID, (UUID) null)
                    .set(RECORDINGS.REFERENCE_TYPE, DSL.inline("call"))
                    .set(RECORDINGS.REFERENCE_ID, (UUID) null)
                    .set(RECORDINGS.STATUS, DSL.inline("recording"))
                    .set(RECORDINGS.FORMAT, (String) null)
                    .set(RECORDINGS.CHANNELS, (String) null)
                    .set(RECORDINGS.TM_START, (OffsetDateTime) null)
                    .set(RECORDINGS.TM_UPDATE, (OffsetDateTime) null)
                    .onConflict(RECORDINGS.ID).doNothing());
            // as VoIPbin: the call's recording_id is the recording in progress, none once it ended
            recordingEnded = PreparedBatch.Statement.of(sql.update(CALLS)
                    .set(CALLS.RECORDING_ID, DSL.inline((UUID) null, CALLS.RECORDING_ID))
                    .set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .where(CALLS.ID.eq((UUID) null), CALLS.LAST_SEQUENCE.lt((Long) null),
                            CALLS.RECORDING_ID.eq((UUID) null)));
            recordingFinished = PreparedBatch.Statement.of(sql.update(RECORDINGS)
                    .set(RECORDINGS.STATUS, DSL.inline("ended"))
                    .set(RECORDINGS.FILENAME, (String) null)
                    .set(RECORDINGS.DURATION_MS, (Long) null)
                    .set(RECORDINGS.DETAIL, (String) null)
                    .set(RECORDINGS.TM_END, (OffsetDateTime) null)
                    .set(RECORDINGS.TM_UPDATE, (OffsetDateTime) null)
                    .where(RECORDINGS.ID.eq((UUID) null), RECORDINGS.TM_END.isNull()));
        }

        /** A status change, also setting {@code at} (when the call rang or was answered) where one is named. */
        private static PreparedBatch.Statement status(DSLContext sql, Field<OffsetDateTime> at) {
            var update = sql.update(CALLS).set(CALLS.STATUS, (String) null);
            if (at != null) {
                update = update.set(at, (OffsetDateTime) null);
            }
            return PreparedBatch.Statement.of(update.set(CALLS.TM_UPDATE, (OffsetDateTime) null)
                    .set(CALLS.LAST_SEQUENCE, (Long) null)
                    .where(CALLS.ID.eq((UUID) null), CALLS.LAST_SEQUENCE.lt((Long) null)));
        }
    }

    @EventHandler
    void on(CallCreated e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        statements.created.execute(sql, e.callId().value(), e.customerId().value(), name(e.direction()),
                name(CallStatus.DIALING), json(e.source()), json(e.destination()), id(e.flowId()), id(e.activeflowId()),
                id(e.masterCallId()), sequence, at, at);
        if (e.masterCallId() != null) {
            String chained = e.callId().value().toString();
            statements.chained.execute(sql, chained, e.masterCallId().value(), chained);
        }
    }

    @EventHandler
    void on(CallMuteChanged e, @SequenceNumber long sequence) {
        statements.muted.execute(sql, e.muteDirection(), time(e.at()), sequence, e.callId().value(), sequence);
    }

    @EventHandler
    void on(CallStatusChanged e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        UUID call = e.callId().value();
        String status = name(e.status());
        if (e.status() == CallStatus.RINGING) {
            statements.ringing.execute(sql, status, at, at, sequence, call, sequence);
        } else if (e.status() == CallStatus.PROGRESSING) {
            statements.progressing.execute(sql, status, at, at, sequence, call, sequence);
        } else {
            statements.status.execute(sql, status, at, sequence, call, sequence);
        }
    }

    @EventHandler
    void on(CallHungUp e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        statements.hungUp.execute(sql, e.reason().wireName(), name(e.by()), at, at, sequence, e.callId().value(),
                sequence);
    }

    @EventHandler
    void on(CallDigitReceived e, @SequenceNumber long sequence) {
        statements.digit.execute(sql, e.digit(), time(e.at()), sequence, e.callId().value(), sequence);
    }

    @EventHandler
    void on(CallRecordingStarted e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        UUID recording = e.recordingId();
        int changed = statements.recordingStarted.execute(sql, recording.toString(), recording, at, sequence,
                e.callId().value(), sequence);
        if (changed == 0) {
            return;
        }
        statements.recording.execute(sql, recording, e.customerId().value(), e.callId().value(), e.format(),
                e.channels(), at, at);
    }

    @EventHandler
    void on(CallRecordingFinished e, @SequenceNumber long sequence) {
        OffsetDateTime at = time(e.at());
        statements.recordingEnded.execute(sql, at, sequence, e.callId().value(), sequence, e.recordingId());
        statements.recordingFinished.execute(sql, e.file(), e.durationMs(), e.detail() == null ? "" : e.detail(), at,
                at, e.recordingId());
    }

    @ResetHandler
    void reset() {
        sql.deleteFrom(RECORDINGS).execute();
        sql.deleteFrom(CALLS).execute();
    }
}
