-- FaceID Console team history, schema version 4: the desk's own search, at a million rows.
-- 1. search_text is stored lower-cased, so a row is tested with a plain substring search (strpos)
--    rather than ILIKE, which folds the case of every row it reads (half a walk's time). The
--    trigram index is case-blind either way.
-- 2. It holds what the desk's own search looks in, but biz_extra_data: the ids (biz_id, biz_no,
--    uuid, token, request_id), the error code and field, the profile and the operator. Each value
--    is bounded (the console sends at most 128 bytes of biz_no and 512 of uuid; the rest are the
--    server's ids and short names), so the whole stays well under a b-tree entry's 2,704 bytes:
--    biz_extra_data (up to 4 KB) would not, and stays out.
-- 3. The time indexes (all calls, a branch's, a desk's) carry search_text (INCLUDE): a search reads
--    the newest rows from an index alone, never the table (an index-only scan once VACUUM has
--    marked the pages all-visible), for support and auditors and, through the branch's index,
--    for a desk under its row-level security.
-- 4. faceid_team.fragment_words: the trigram index's candidates for several words at once (all
--    must match; a word too short for trigrams matches the start of a value).
-- Rewriting the generated column rewrites the table under an exclusive lock: at a million calls
-- this took 50 s on a 2-core machine; consoles keep their publishes in their outbox meanwhile.
-- Consoles of versions 1 to 3 still write into it (writers_from stays 1): the column is computed,
-- and their ILIKE searches still match the lower-cased text.
-- Up Migration
DROP INDEX faceid_team.calls_search;
ALTER TABLE faceid_team.calls DROP COLUMN search_text;
ALTER TABLE faceid_team.calls ADD COLUMN search_text text GENERATED ALWAYS AS (lower(
  left(coalesce(biz_id, ''), 128) || ' ' || left(biz_no, 128) || ' ' || left(uuid, 512) || ' ' || left(coalesce(token, ''), 128)
  || ' ' || left(coalesce(request_id, ''), 128) || ' ' || left(coalesce(error_code, ''), 64) || ' ' || left(coalesce(error_field, ''), 64)
  || ' ' || left(profile_name, 64) || ' ' || left(operator, 64))) STORED;
CREATE INDEX calls_search ON faceid_team.calls USING gin (search_text gin_trgm_ops);
DROP INDEX faceid_team.calls_started;
CREATE INDEX calls_started ON faceid_team.calls (started_at DESC, id DESC) INCLUDE (search_text);
DROP INDEX faceid_team.calls_branch_started;
CREATE INDEX calls_branch_started ON faceid_team.calls (branch, started_at DESC, id DESC) INCLUDE (search_text);
DROP INDEX faceid_team.calls_desk_started;
CREATE INDEX calls_desk_started ON faceid_team.calls (desk, started_at DESC, id DESC) INCLUDE (search_text);

-- As fragment_matches (which consoles of version 3 still call), for words: `long_words` are LIKE
-- patterns that must all match ('%word%'), `short_words` patterns of a value's start ('wo%'),
-- matched at the start of the text or after a space. Both lower-cased by the caller, as the text
-- is. The statement is built from the arrays' lengths alone; the words travel as parameters.
CREATE FUNCTION faceid_team.fragment_words(long_words text[], short_words text[], cap integer) RETURNS SETOF bigint
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  test text := 'true';
BEGIN
  FOR i IN 1 .. coalesce(array_length(long_words, 1), 0) LOOP
    test := test || format(' AND c.search_text LIKE $1[%s]', i);
  END LOOP;
  FOR i IN 1 .. coalesce(array_length(short_words, 1), 0) LOOP
    test := test || format(' AND (c.search_text LIKE $2[%1$s] OR c.search_text LIKE (''%% '' || $2[%1$s]))', i);
  END LOOP;
  RETURN QUERY EXECUTE 'SELECT c.id FROM faceid_team.calls c WHERE ' || test
    || ' AND (pg_has_role(session_user, ''faceid_support'', ''MEMBER'') OR pg_has_role(session_user, ''faceid_auditor'', ''MEMBER'')'
    || '      OR c.branch = (SELECT d.branch FROM faceid_team.desks d WHERE d.role_name = session_user)) LIMIT $3'
    USING long_words, short_words, cap;
END
$$;
REVOKE ALL ON FUNCTION faceid_team.fragment_words(text[], text[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION faceid_team.fragment_words(text[], text[], integer) TO faceid_desk, faceid_support, faceid_auditor;

UPDATE faceid_team.meta SET value = 4 WHERE key = 'schema_version';

-- Down Migration
DROP FUNCTION faceid_team.fragment_words(text[], text[], integer);
DROP INDEX faceid_team.calls_desk_started;
CREATE INDEX calls_desk_started ON faceid_team.calls (desk, started_at DESC, id DESC);
DROP INDEX faceid_team.calls_branch_started;
CREATE INDEX calls_branch_started ON faceid_team.calls (branch, started_at DESC, id DESC);
DROP INDEX faceid_team.calls_started;
CREATE INDEX calls_started ON faceid_team.calls (started_at DESC, id DESC);
DROP INDEX faceid_team.calls_search;
ALTER TABLE faceid_team.calls DROP COLUMN search_text;
ALTER TABLE faceid_team.calls ADD COLUMN search_text text GENERATED ALWAYS AS (
  coalesce(biz_id, '') || ' ' || biz_no || ' ' || uuid || ' ' || coalesce(token, '') || ' ' || coalesce(request_id, '')) STORED;
CREATE INDEX calls_search ON faceid_team.calls USING gin (search_text gin_trgm_ops);
UPDATE faceid_team.meta SET value = 3 WHERE key = 'schema_version';
