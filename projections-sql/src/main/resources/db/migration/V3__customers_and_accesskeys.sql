-- Tenants and their API keys. Keys are stored only as SHA-256 hashes.
CREATE TABLE customers (
    id         UUID         NOT NULL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    detail     TEXT         NOT NULL DEFAULT '',
    tm_create  TIMESTAMPTZ  NOT NULL,
    tm_update  TIMESTAMPTZ  NOT NULL,
    tm_delete  TIMESTAMPTZ
);

CREATE TABLE accesskeys (
    id          UUID         NOT NULL PRIMARY KEY,
    customer_id UUID         NOT NULL REFERENCES customers (id),
    name        VARCHAR(255) NOT NULL,
    detail      TEXT         NOT NULL DEFAULT '',
    key_hash    VARCHAR(64)  NOT NULL UNIQUE,
    admin       BOOLEAN      NOT NULL,
    tm_expire   TIMESTAMPTZ,
    tm_create   TIMESTAMPTZ  NOT NULL,
    tm_update   TIMESTAMPTZ  NOT NULL,
    tm_delete   TIMESTAMPTZ
);
CREATE INDEX accesskeys_customer ON accesskeys (customer_id, tm_create);
