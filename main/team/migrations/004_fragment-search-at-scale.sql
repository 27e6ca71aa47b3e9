-- FaceID Console team history, schema version 4: the fragment search at a million rows.
-- A fragment many rows share (a customer id's family, "cust-123" in 2,220 of a million calls) is
-- over the count's cap, so the newest page is found by walking the time index and testing each
-- row's search text. Two changes make that walk cheap:
-- 1. search_text is stored lower-cased. A fragment is lower-cased once, so each row is tested by a
--    plain substring search (strpos) instead of ILIKE, which folds the case of every row it reads
--    (about half the walk's time). The trigram index is case-blind either way.
-- 2. The time index carries search_text (INCLUDE), so the walk reads the index alone, never the
--    table (an index-only scan once VACUUM has marked the pages all-visible).
-- Rewriting the generated column rewrites the table under an exclusive lock: at a million calls
-- this takes about a minute on a small server; consoles queue their publishes meanwhile (the
-- outbox keeps them). Consoles of versions 1 to 3 still write into it (writers_from stays 1): the
-- column is computed, and their ILIKE searches still match the lower-cased text.
-- Up Migration
DROP INDEX faceid_team.calls_search;
ALTER TABLE faceid_team.calls DROP COLUMN search_text;
ALTER TABLE faceid_team.calls ADD COLUMN search_text text GENERATED ALWAYS AS (
  lower(coalesce(biz_id, '') || ' ' || biz_no || ' ' || uuid || ' ' || coalesce(token, '') || ' ' || coalesce(request_id, ''))) STORED;
CREATE INDEX calls_search ON faceid_team.calls USING gin (search_text gin_trgm_ops);
DROP INDEX faceid_team.calls_started;
CREATE INDEX calls_started ON faceid_team.calls (started_at DESC, id DESC) INCLUDE (search_text);

-- The candidates of a fragment: the caller's pattern lower-cased, as the text is, and matched with
-- LIKE (cheaper than ILIKE on the rows the index cannot rule out). Same signature and meaning.
CREATE OR REPLACE FUNCTION faceid_team.fragment_matches(pattern text, cap integer) RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT c.id FROM faceid_team.calls c
  WHERE c.search_text LIKE lower(pattern)
    AND (pg_has_role(session_user, 'faceid_support', 'MEMBER') OR pg_has_role(session_user, 'faceid_auditor', 'MEMBER')
         OR c.branch = (SELECT d.branch FROM faceid_team.desks d WHERE d.role_name = session_user))
  LIMIT cap
$$;

UPDATE faceid_team.meta SET value = 4 WHERE key = 'schema_version';

-- Down Migration
CREATE OR REPLACE FUNCTION faceid_team.fragment_matches(pattern text, cap integer) RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT c.id FROM faceid_team.calls c
  WHERE c.search_text ILIKE pattern
    AND (pg_has_role(session_user, 'faceid_support', 'MEMBER') OR pg_has_role(session_user, 'faceid_auditor', 'MEMBER')
         OR c.branch = (SELECT d.branch FROM faceid_team.desks d WHERE d.role_name = session_user))
  LIMIT cap
$$;
DROP INDEX faceid_team.calls_started;
CREATE INDEX calls_started ON faceid_team.calls (started_at DESC, id DESC);
DROP INDEX faceid_team.calls_search;
ALTER TABLE faceid_team.calls DROP COLUMN search_text;
ALTER TABLE faceid_team.calls ADD COLUMN search_text text GENERATED ALWAYS AS (
  coalesce(biz_id, '') || ' ' || biz_no || ' ' || uuid || ' ' || coalesce(token, '') || ' ' || coalesce(request_id, '')) STORED;
CREATE INDEX calls_search ON faceid_team.calls USING gin (search_text gin_trgm_ops);
UPDATE faceid_team.meta SET value = 3 WHERE key = 'schema_version';
