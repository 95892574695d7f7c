-- What VoIPbin's call shows and the calls table lacked: its chained calls (the calls it made that
-- hang up with it: connect legs, chained `call` actions), what of it is muted (mute_direction), and
-- its recording in progress (recording_id, cleared when that recording ends; recording_ids keeps all).
ALTER TABLE calls ADD COLUMN chained_call_ids JSONB NOT NULL DEFAULT '[]';
ALTER TABLE calls ADD COLUMN mute_direction VARCHAR(8) NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN recording_id UUID;
