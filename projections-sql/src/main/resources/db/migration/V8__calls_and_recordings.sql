-- Read models of calls and their recordings, rebuilt from the call events;
-- last_sequence guards each upsert so a replayed event changes nothing.
CREATE TABLE calls (
    id              UUID         NOT NULL PRIMARY KEY,
    customer_id     UUID         NOT NULL,
    direction       VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    source          JSONB        NOT NULL,
    destination     JSONB        NOT NULL,
    flow_id         UUID,
    activeflow_id   UUID,
    master_call_id  UUID,
    hangup_reason   VARCHAR(16)  NOT NULL DEFAULT '',
    hangup_by       VARCHAR(16)  NOT NULL DEFAULT '',
    digits          TEXT         NOT NULL DEFAULT '',
    recording_ids   JSONB        NOT NULL DEFAULT '[]',
    last_sequence   BIGINT       NOT NULL,
    tm_create       TIMESTAMPTZ  NOT NULL,
    tm_ringing      TIMESTAMPTZ,
    tm_progressing  TIMESTAMPTZ,
    tm_hangup       TIMESTAMPTZ,
    tm_update       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX calls_customer_page ON calls (customer_id, tm_create DESC, id DESC);
CREATE INDEX calls_customer_status ON calls (customer_id, status);

CREATE TABLE recordings (
    id              UUID         NOT NULL PRIMARY KEY,
    customer_id     UUID         NOT NULL,
    reference_type  VARCHAR(16)  NOT NULL,
    reference_id    UUID         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    format          VARCHAR(8)   NOT NULL,
    channels        VARCHAR(8)   NOT NULL,
    filename        TEXT         NOT NULL DEFAULT '',
    duration_ms     BIGINT       NOT NULL DEFAULT 0,
    detail          TEXT         NOT NULL DEFAULT '',
    tm_start        TIMESTAMPTZ  NOT NULL,
    tm_end          TIMESTAMPTZ,
    tm_update       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX recordings_customer_page ON recordings (customer_id, tm_start DESC, id DESC);
