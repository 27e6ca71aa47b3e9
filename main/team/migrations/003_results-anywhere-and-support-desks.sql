-- FaceID Console team history, schema version 3. Two things a support desk at head office needs:
-- 1. A result fetched on a desk that did not issue the token (another desk of the branch, or a
--    support agent) updates the team row through faceid_team.publish_result: only the result
--    columns, only for a call the caller may read, and only when it ranks higher than the row's
--    (a finished flow over a running one, then the later fetch). The issuing desk reads it back.
-- 2. A support login that the DBA maps in faceid_team.desks (e.g. branch 'HQ') publishes its own
--    calls — the replays it makes of branch calls — like a desk: insert and update its own rows.
--    Each call records the branch and desk of the team call it was cloned or replayed from.
-- Consoles of versions 1 and 2 still write into it (writers_from stays 1).
-- Up Migration
ALTER TABLE faceid_team.calls ADD COLUMN cloned_from_branch text;
ALTER TABLE faceid_team.calls ADD COLUMN cloned_from_desk text;

CREATE FUNCTION faceid_team.publish_result(gid uuid, r jsonb) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
  WITH changed AS (
    UPDATE faceid_team.calls AS t SET
      result = x.result, result_status = x.result_status, result_rank = x.result_rank, result_fetched_at = x.result_fetched_at,
      version = t.version + 1, published_at = now()
    FROM jsonb_to_record(r) AS x(result jsonb, result_status text, result_rank integer, result_fetched_at bigint)
    WHERE t.global_id = gid
      AND (pg_has_role(session_user, 'faceid_support', 'MEMBER')
           OR (pg_has_role(session_user, 'faceid_desk', 'MEMBER')
               AND t.branch = (SELECT d.branch FROM faceid_team.desks d WHERE d.role_name = session_user)))
      AND x.result_rank IS NOT NULL
      AND (x.result_rank, x.result_fetched_at) > (coalesce(t.result_rank, -1), coalesce(t.result_fetched_at, -1))
    RETURNING 1)
  SELECT count(*) > 0 FROM changed
$$;
REVOKE ALL ON FUNCTION faceid_team.publish_result(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION faceid_team.publish_result(uuid, jsonb) TO faceid_desk, faceid_support;

GRANT INSERT, UPDATE ON faceid_team.calls, faceid_team.photos TO faceid_support;
GRANT USAGE ON SEQUENCE faceid_team.calls_id_seq TO faceid_support;
CREATE POLICY support_insert ON faceid_team.calls FOR INSERT TO faceid_support
  WITH CHECK (branch = (SELECT faceid_team.my_branch()) AND desk = (SELECT faceid_team.my_desk()));
CREATE POLICY support_update ON faceid_team.calls FOR UPDATE TO faceid_support
  USING (desk = (SELECT faceid_team.my_desk())) WITH CHECK (branch = (SELECT faceid_team.my_branch()) AND desk = (SELECT faceid_team.my_desk()));
CREATE POLICY support_insert ON faceid_team.photos FOR INSERT TO faceid_support WITH CHECK (branch = (SELECT faceid_team.my_branch()));

UPDATE faceid_team.meta SET value = 3 WHERE key = 'schema_version';

-- Down Migration
DROP POLICY support_insert ON faceid_team.photos;
DROP POLICY support_update ON faceid_team.calls;
DROP POLICY support_insert ON faceid_team.calls;
REVOKE USAGE ON SEQUENCE faceid_team.calls_id_seq FROM faceid_support;
REVOKE INSERT, UPDATE ON faceid_team.calls, faceid_team.photos FROM faceid_support;
DROP FUNCTION faceid_team.publish_result(uuid, jsonb);
ALTER TABLE faceid_team.calls DROP COLUMN cloned_from_desk;
ALTER TABLE faceid_team.calls DROP COLUMN cloned_from_branch;
UPDATE faceid_team.meta SET value = 2 WHERE key = 'schema_version';
