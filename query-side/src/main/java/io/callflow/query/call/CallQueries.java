package io.callflow.query.call;

import static io.callflow.projection.jooq.Tables.CALLS;
import static io.callflow.projection.jooq.Tables.RECORDINGS;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.call.CallResource;
import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.Page;
import io.callflow.domain.common.Timestamps;
import io.callflow.projection.jooq.tables.records.CallsRecord;
import io.callflow.projection.jooq.tables.records.RecordingsRecord;
import io.callflow.query.ListCursor;
import io.callflow.query.StoredJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Calls and recordings of one customer, from their projections; newest first by {@code (tm_create, id)}. */
@Service
public class CallQueries {
    private final DSLContext sql;

    public CallQueries(DSLContext sql) {
        this.sql = sql;
    }

    /** What a list may be narrowed to; null fields do not narrow. */
    public record Filter(String status, String direction, UUID activeflowId) {
    }

    public Page<CallResource> list(CustomerId customer, Filter filter, int pageSize, Optional<ListCursor> cursor) {
        Condition where = CALLS.CUSTOMER_ID.eq(customer.value());
        if (filter.status() != null) {
            where = where.and(CALLS.STATUS.eq(filter.status()));
        }
        if (filter.direction() != null) {
            where = where.and(CALLS.DIRECTION.eq(filter.direction()));
        }
        if (filter.activeflowId() != null) {
            where = where.and(CALLS.ACTIVEFLOW_ID.eq(filter.activeflowId()));
        }
        if (cursor.isPresent()) {
            where = where.and(cursor.get().seek(CALLS.TM_CREATE, CALLS.ID));
        }
        List<CallsRecord> rows = sql.selectFrom(CALLS).where(where)
                .orderBy(CALLS.TM_CREATE.desc(), CALLS.ID.desc()).limit(DSL.inline(pageSize)).fetch();
        if (rows.isEmpty()) {
            return new Page<>("", List.of());
        }
        CallsRecord last = rows.get(rows.size() - 1);
        return new Page<>(ListCursor.after(last.getTmCreate().toInstant(), last.getId()),
                rows.stream().map(CallQueries::view).toList());
    }

    public CallResource get(CustomerId customer, UUID id) {
        return sql.selectFrom(CALLS).where(CALLS.ID.eq(id), CALLS.CUSTOMER_ID.eq(customer.value()))
                .fetchOptional().map(CallQueries::view).orElseThrow(() -> new NotFound("call " + id));
    }

    public Page<RecordingView> recordings(CustomerId customer, int pageSize, Optional<ListCursor> cursor) {
        Condition where = RECORDINGS.CUSTOMER_ID.eq(customer.value());
        if (cursor.isPresent()) {
            where = where.and(cursor.get().seek(RECORDINGS.TM_START, RECORDINGS.ID));
        }
        List<RecordingsRecord> rows = sql.selectFrom(RECORDINGS).where(where)
                .orderBy(RECORDINGS.TM_START.desc(), RECORDINGS.ID.desc()).limit(DSL.inline(pageSize)).fetch();
        if (rows.isEmpty()) {
            return new Page<>("", List.of());
        }
        RecordingsRecord last = rows.get(rows.size() - 1);
        return new Page<>(ListCursor.after(last.getTmStart().toInstant(), last.getId()),
                rows.stream().map(CallQueries::view).toList());
    }

    public RecordingView recording(CustomerId customer, UUID id) {
        return row(customer, id).map(CallQueries::view).orElseThrow(() -> new NotFound("recording " + id));
    }

    /** The finished WAV of a recording. */
    public Path recordingFile(CustomerId customer, UUID id) {
        RecordingsRecord row = row(customer, id).orElseThrow(() -> new NotFound("recording " + id));
        if (row.getFilename().isEmpty()) {
            throw new NotFound("the file of recording " + id + " (it is still recording)");
        }
        return Path.of(row.getFilename());
    }

    private Optional<RecordingsRecord> row(CustomerId customer, UUID id) {
        return sql.selectFrom(RECORDINGS).where(RECORDINGS.ID.eq(id), RECORDINGS.CUSTOMER_ID.eq(customer.value()))
                .fetchOptional();
    }

    private static CallResource view(CallsRecord r) {
        List<UUID> recordings = ids(r.getRecordingIds());
        return new CallResource(r.getId(), r.getCustomerId(), r.getFlowId(), r.getActiveflowId(), "flow",
                r.getMasterCallId(), ids(r.getChainedCallIds()), r.getRecordingId(),
                recordings, address(r.getSource()), address(r.getDestination()), r.getStatus(), r.getDirection(),
                r.getMuteDirection(), r.getDigits(), r.getHangupBy(), r.getHangupReason(), Timestamps.format(r.getTmCreate()),
                Timestamps.format(r.getTmUpdate()), Timestamps.format(r.getTmRinging()),
                Timestamps.format(r.getTmProgressing()), Timestamps.format(r.getTmHangup()));
    }

    private static List<UUID> ids(org.jooq.JSON json) {
        List<UUID> ids = new ArrayList<>();
        StoredJson.tree(json).forEach(id -> ids.add(UUID.fromString(id.asText())));
        return ids;
    }

    private static JsonNode address(org.jooq.JSON json) {
        return StoredJson.tree(json);
    }

    private static RecordingView view(RecordingsRecord r) {
        List<String> files = r.getFilename().isEmpty() ? List.of() : List.of(Path.of(r.getFilename()).getFileName()
                .toString());
        return new RecordingView(r.getId(), r.getCustomerId(), r.getReferenceType(), r.getReferenceId(),
                r.getStatus(), r.getFormat(), r.getChannels(), r.getDurationMs(), files,
                Timestamps.format(r.getTmStart()), Timestamps.format(r.getTmEnd()), Timestamps.format(r.getTmUpdate()));
    }
}
