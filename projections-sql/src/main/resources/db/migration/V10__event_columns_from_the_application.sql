-- The application writes customer_id and occurred_at with each event it appends (app: EventRows), the same
-- values this trigger read out of the payload; the trigger now parses the payload as JSON only for a row that
-- comes without them (a hand-made INSERT, an event of no customer). Parsing every payload was about a quarter of
-- an append's cost (pgbench on 2 shared cores, 8 clients, FlowCreated-sized first events: 1,052-1,174 appends/s
-- parsing, 1,315-1,558/s given the columns). The hash is computed exactly as before, over the same bytes.

-- [jooq ignore start]
CREATE OR REPLACE FUNCTION domainevententry_chain()
    RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    document JSONB;
BEGIN
    IF NEW.customer_id IS NULL OR NEW.occurred_at IS NULL THEN
        document := convert_from(NEW.payload, 'UTF8')::jsonb;
        NEW.customer_id := coalesce(NEW.customer_id, event_customer_id(document));
        NEW.occurred_at := coalesce(NEW.occurred_at, event_time(document, NEW.timestamp));
    END IF;
    NEW.hash := event_hash(CASE WHEN NEW.sequencenumber > 0
                               THEN event_previous_hash(NEW.aggregateidentifier, NEW.sequencenumber) END,
                           NEW.aggregateidentifier, NEW.sequencenumber, NEW.payloadtype, NEW.payload, NEW.metadata);
    RETURN NEW;
END
$$;
-- [jooq ignore stop]
