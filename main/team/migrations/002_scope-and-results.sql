-- FaceID Console team history, schema version 2. Adds what the History view's team scopes and
-- the support desk need: the verdict as a column (filtered and shown like the desk's own), the
-- clone trail across desks (the global id of the call a call was cloned from), and the indexes
-- of the customer view (uuid, biz_no family). Consoles of version 1 still write into it
-- (writers_from stays 1): every new column is computed or may be empty.
-- Up Migration
ALTER TABLE faceid_team.calls ADD COLUMN verdict text GENERATED ALWAYS AS (result->>'verdict') STORED;
ALTER TABLE faceid_team.calls ADD COLUMN cloned_from uuid;
CREATE INDEX calls_verdict ON faceid_team.calls (verdict, started_at DESC, id DESC);
CREATE INDEX calls_uuid ON faceid_team.calls (uuid);
CREATE INDEX calls_biz_no ON faceid_team.calls (biz_no text_pattern_ops);
CREATE INDEX calls_cloned_from ON faceid_team.calls (cloned_from);
-- The origin desk reads back results other desks of its branch fetched, newest publish first.
CREATE INDEX calls_desk_published ON faceid_team.calls (desk, published_at);
UPDATE faceid_team.meta SET value = 2 WHERE key = 'schema_version';

-- Down Migration
DROP INDEX faceid_team.calls_desk_published;
DROP INDEX faceid_team.calls_cloned_from;
DROP INDEX faceid_team.calls_biz_no;
DROP INDEX faceid_team.calls_uuid;
DROP INDEX faceid_team.calls_verdict;
ALTER TABLE faceid_team.calls DROP COLUMN cloned_from;
ALTER TABLE faceid_team.calls DROP COLUMN verdict;
UPDATE faceid_team.meta SET value = 1 WHERE key = 'schema_version';
