-- Numbers and SIP trunks.
--
-- numbers, trunks: read models, rebuilt from the event store; last_sequence guards the upserts so a
-- replayed event changes nothing. The SIP edge's lookups (NumberLookup, TrunkLookup) read them too.
--
-- number_claims, trunk_secrets: NOT read models. The command side writes them in the transaction that
-- appends the events, and a projection reset leaves them alone.
--   number_claims: which number holds which value (without a leading '+'); its primary key is what
--     makes a value belong to one active number at a time (docs/decisions/0003-number-uniqueness.md).
--   trunk_secrets: trunk passwords, kept out of event payloads (the events API shows payloads, and the
--     store is never rewritten). Removed when the trunk is deleted.
CREATE TABLE numbers (
    id            UUID         NOT NULL PRIMARY KEY,
    customer_id   UUID         NOT NULL,
    number        VARCHAR(64)  NOT NULL,
    number_key    VARCHAR(64)  NOT NULL,
    call_flow_id  UUID,
    name          TEXT         NOT NULL,
    detail        TEXT         NOT NULL,
    last_sequence BIGINT       NOT NULL,
    tm_create     TIMESTAMPTZ  NOT NULL,
    tm_update     TIMESTAMPTZ  NOT NULL,
    tm_delete     TIMESTAMPTZ
);
CREATE INDEX numbers_customer_page ON numbers (customer_id, tm_create DESC, id DESC);
-- not unique: uniqueness is number_claims' job, and a projection must never wedge on a constraint
CREATE INDEX numbers_active_key ON numbers (number_key) WHERE tm_delete IS NULL;

CREATE TABLE trunks (
    id            UUID         NOT NULL PRIMARY KEY,
    customer_id   UUID         NOT NULL,
    name          TEXT         NOT NULL,
    host          VARCHAR(253) NOT NULL,
    port          INTEGER      NOT NULL,
    transport     VARCHAR(8)   NOT NULL,
    username      TEXT         NOT NULL,
    last_sequence BIGINT       NOT NULL,
    tm_create     TIMESTAMPTZ  NOT NULL,
    tm_update     TIMESTAMPTZ  NOT NULL,
    tm_delete     TIMESTAMPTZ
);
CREATE INDEX trunks_customer_page ON trunks (customer_id, tm_create DESC, id DESC);

CREATE TABLE number_claims (
    number_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
    number_id     UUID         NOT NULL
);

CREATE TABLE trunk_secrets (
    trunk_id      UUID         NOT NULL PRIMARY KEY,
    password      TEXT         NOT NULL
);
