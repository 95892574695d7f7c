-- What V4's read models could not show:
-- * a flow version's own type (an update may change it, so flows.type is only the latest);
-- * an executed action's next_id, so executed_actions are whole actions again;
-- * why an executed action was skipped or failed.
ALTER TABLE flow_versions ADD COLUMN type VARCHAR(32) NOT NULL DEFAULT 'flow';
ALTER TABLE activeflow_actions ADD COLUMN next_id UUID;
ALTER TABLE activeflow_actions ADD COLUMN reason TEXT;

-- Rows projected before this migration get their flow's current type; a projection reset makes them exact.
-- [jooq ignore start]
UPDATE flow_versions v SET type = f.type FROM flows f WHERE f.id = v.flow_id;
-- [jooq ignore stop]

-- Activeflow lists filtered by status or flow page by (tm_create, id) like the unfiltered list.
DROP INDEX activeflows_customer_status;
CREATE INDEX activeflows_customer_status_page ON activeflows (customer_id, status, tm_create DESC, id DESC);
CREATE INDEX activeflows_customer_flow_page ON activeflows (customer_id, flow_id, tm_create DESC, id DESC);
