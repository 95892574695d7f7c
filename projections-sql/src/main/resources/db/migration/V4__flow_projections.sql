-- Read models of flows and activeflows. Every row is rebuilt from the event
-- store; last_sequence guards the upserts so a replayed event changes nothing.
CREATE TABLE flows (
    id                  UUID         NOT NULL PRIMARY KEY,
    customer_id         UUID         NOT NULL,
    type                VARCHAR(32)  NOT NULL,
    name                TEXT         NOT NULL,
    detail              TEXT         NOT NULL,
    actions             JSONB        NOT NULL,
    on_complete_flow_id UUID,
    version             INTEGER      NOT NULL,
    last_sequence       BIGINT       NOT NULL,
    tm_create           TIMESTAMPTZ  NOT NULL,
    tm_update           TIMESTAMPTZ  NOT NULL,
    tm_delete           TIMESTAMPTZ
);
CREATE INDEX flows_customer_page ON flows (customer_id, tm_create DESC, id DESC);

CREATE TABLE flow_versions (
    flow_id             UUID         NOT NULL,
    version             INTEGER      NOT NULL,
    customer_id         UUID         NOT NULL,
    name                TEXT         NOT NULL,
    detail              TEXT         NOT NULL,
    actions             JSONB        NOT NULL,
    on_complete_flow_id UUID,
    tm_create           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (flow_id, version)
);

CREATE TABLE activeflows (
    id                      UUID         NOT NULL PRIMARY KEY,
    customer_id             UUID         NOT NULL,
    flow_id                 UUID,
    flow_version            INTEGER,
    status                  VARCHAR(16)  NOT NULL,
    reference_type          VARCHAR(32)  NOT NULL,
    reference_id            UUID,
    reference_activeflow_id UUID,
    on_complete_flow_id     UUID,
    current_action          JSONB,
    forward_action_id       UUID,
    execute_count           INTEGER      NOT NULL,
    complete_count          INTEGER      NOT NULL,
    stop_reason             VARCHAR(64),
    stop_detail             TEXT,
    last_sequence           BIGINT       NOT NULL,
    tm_create               TIMESTAMPTZ  NOT NULL,
    tm_update               TIMESTAMPTZ  NOT NULL,
    tm_end                  TIMESTAMPTZ,
    tm_delete               TIMESTAMPTZ
);
CREATE INDEX activeflows_customer_page ON activeflows (customer_id, tm_create DESC, id DESC);
CREATE INDEX activeflows_customer_status ON activeflows (customer_id, status);

CREATE TABLE activeflow_actions (
    activeflow_id UUID         NOT NULL,
    step          INTEGER      NOT NULL,
    action_id     UUID         NOT NULL,
    type          VARCHAR(64)  NOT NULL,
    option        JSONB        NOT NULL,
    outcome       VARCHAR(32),
    result        JSONB,
    tm_start      TIMESTAMPTZ  NOT NULL,
    tm_finish     TIMESTAMPTZ,
    PRIMARY KEY (activeflow_id, step)
);

CREATE TABLE activeflow_variables (
    activeflow_id UUID          NOT NULL,
    name          VARCHAR(1024) NOT NULL,
    value         TEXT          NOT NULL,
    PRIMARY KEY (activeflow_id, name)
);
