-- A call's chained calls (the calls it made that hang up with it: connect legs, chained `call`
-- actions) and what of it is muted, as VoIPbin's call shows them: chained_call_ids, mute_direction.
ALTER TABLE calls ADD COLUMN chained_call_ids JSONB NOT NULL DEFAULT '[]';
ALTER TABLE calls ADD COLUMN mute_direction VARCHAR(8) NOT NULL DEFAULT '';
