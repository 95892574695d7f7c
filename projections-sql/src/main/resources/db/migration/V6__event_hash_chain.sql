-- Tamper evidence and the customer-wide event history.
--
-- hash: each event's SHA-256 over its aggregate's previous hash and its own stored bytes, so an event
-- edited, removed or reordered after it was appended no longer matches its chain. PostgreSQL computes
-- it at append time, in the appending transaction, so no writer (Axon, a replay, a hand-made INSERT)
-- can store an event without it.
--
-- customer_id, occurred_at: read out of the payload at append time so the customer-wide history can
-- use an index. They are copies; the payload they come from is what the hash covers.
ALTER TABLE domainevententry ADD COLUMN hash BYTEA;
ALTER TABLE domainevententry ADD COLUMN customer_id UUID;
ALTER TABLE domainevententry ADD COLUMN occurred_at TIMESTAMPTZ;

-- [jooq ignore start]
-- One event's hash, given its predecessor's (NULL for an aggregate's first event). Every field is
-- length-prefixed so no byte can move from one field into the next without changing the hash:
--   sha256( prev hash, or 32 zero bytes for the first event
--        || sequence number (int8, big-endian)
--        || length (int4) || aggregate id (UTF-8)
--        || length (int4) || payload type (UTF-8)
--        || length (int4) || payload
--        || length (int4, -1 without metadata) || metadata )
-- The verification endpoints call this same function, so the rule is written down once.
CREATE FUNCTION event_hash(prev BYTEA, aggregate_id TEXT, sequence BIGINT, payload_type TEXT, payload BYTEA,
                           metadata BYTEA)
    RETURNS BYTEA LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT sha256(coalesce(prev, decode(repeat('00', 32), 'hex'))
        || int8send(sequence)
        || int4send(octet_length(convert_to(aggregate_id, 'UTF8'))) || convert_to(aggregate_id, 'UTF8')
        || int4send(octet_length(convert_to(payload_type, 'UTF8'))) || convert_to(payload_type, 'UTF8')
        || int4send(octet_length(payload)) || payload
        || int4send(coalesce(octet_length(metadata), -1)) || coalesce(metadata, ''::bytea))
$$;

-- Every event payload names its customer; anything that is not a UUID is left out rather than
-- failing the append.
CREATE FUNCTION event_customer_id(payload JSONB)
    RETURNS UUID LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN payload ->> 'customer_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                THEN (payload ->> 'customer_id')::uuid END
$$;

-- The time the API shows for an event (TimelineEvent): its own "at", else when Axon stored it, cut to
-- the microseconds PostgreSQL keeps (not rounded, as Java's formatting cuts them too).
CREATE FUNCTION event_time(payload JSONB, stored TEXT)
    RETURNS TIMESTAMPTZ LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(t, '(\.[0-9]{6})[0-9]+', '\1')::timestamptz
    FROM (SELECT CASE
        WHEN payload ->> 'at' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$' THEN payload ->> 'at'
        WHEN stored ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$' THEN stored
    END AS t) candidate
$$;

-- enable_seqscan is off inside the trigger: its predecessor lookup is planned once per connection and
-- kept, and a plan made while the table was small (a seq scan) would turn every later append into a
-- scan of the whole store until the next autoanalyze. Measured on a table analyzed at one row, 20,000
-- single-row appends: 7 to 40 s with the kept seq scan, about 1 s with the index, 0.4 s without this trigger.
CREATE FUNCTION domainevententry_chain()
    RETURNS TRIGGER LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    document JSONB := convert_from(NEW.payload, 'UTF8')::jsonb;
    previous BYTEA;
BEGIN
    NEW.customer_id := event_customer_id(document);
    NEW.occurred_at := event_time(document, NEW.timestamp);
    -- by the unique (aggregateidentifier, sequencenumber) index; an earlier event of the same
    -- transaction is visible here, so a batch of appends chains correctly
    SELECT p.hash INTO previous FROM domainevententry p
    WHERE p.aggregateidentifier = NEW.aggregateidentifier AND p.sequencenumber = NEW.sequencenumber - 1;
    NEW.hash := event_hash(previous, NEW.aggregateidentifier, NEW.sequencenumber, NEW.payloadtype, NEW.payload,
                           NEW.metadata);
    RETURN NEW;
END
$$;

-- Events stored before this migration: derived columns in one statement, then each aggregate's chain
-- in sequence order (a hash needs its predecessor's). ALTER TABLE above holds the table's exclusive
-- lock until this migration commits, so nothing is appended in between.
UPDATE domainevententry
SET customer_id = event_customer_id(convert_from(payload, 'UTF8')::jsonb),
    occurred_at = event_time(convert_from(payload, 'UTF8')::jsonb, timestamp);

DO $$
DECLARE
    event RECORD;
    previous_aggregate TEXT;
    previous_hash BYTEA;
BEGIN
    FOR event IN SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype, payload, metadata
                 FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF previous_aggregate IS DISTINCT FROM event.aggregateidentifier THEN
            previous_aggregate := event.aggregateidentifier;
            previous_hash := NULL;
        END IF;
        previous_hash := event_hash(previous_hash, event.aggregateidentifier, event.sequencenumber,
                                    event.payloadtype, event.payload, event.metadata);
        UPDATE domainevententry SET hash = previous_hash WHERE globalindex = event.globalindex;
    END LOOP;
END
$$;

CREATE TRIGGER domainevententry_chain BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION domainevententry_chain();
-- [jooq ignore stop]

-- The customer-wide history pages by (customer_id, globalindex), oldest or newest first.
CREATE INDEX domainevententry_customer ON domainevententry (customer_id, globalindex);
