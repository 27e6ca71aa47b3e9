-- FaceID Console team history, schema version 1. Review before applying: it creates the schema
-- faceid_team, the pg_trgm extension, three group roles (NOLOGIN) and their row-level security.
-- Up Migration
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA IF NOT EXISTS faceid_team;

-- schema_version: what this schema is; writers_from: the oldest console schema version that may
-- still write into it (a console knowing less refuses to publish); publish_photos: the team
-- policy on photo bytes (0: never; 1: from desks whose operator keeps photos).
CREATE TABLE faceid_team.meta (key text PRIMARY KEY, value integer NOT NULL);
INSERT INTO faceid_team.meta (key, value) VALUES ('schema_version', 1), ('writers_from', 1), ('publish_photos', 0);

-- Which branch and desk each desk's login role publishes as (filled by the DBA).
CREATE TABLE faceid_team.desks (
  role_name name PRIMARY KEY,
  branch    text NOT NULL,
  desk      text NOT NULL
);

-- Each role sees only its own mapping (RLS below), so these run with the caller's rights.
CREATE FUNCTION faceid_team.my_branch() RETURNS text LANGUAGE sql STABLE
  SET search_path = pg_catalog AS $$ SELECT branch FROM faceid_team.desks WHERE role_name = current_user $$;
CREATE FUNCTION faceid_team.my_desk() RETURNS text LANGUAGE sql STABLE
  SET search_path = pg_catalog AS $$ SELECT desk FROM faceid_team.desks WHERE role_name = current_user $$;

CREATE TABLE faceid_team.calls (
  id                bigserial NOT NULL UNIQUE,
  global_id         uuid PRIMARY KEY,
  branch            text NOT NULL DEFAULT faceid_team.my_branch(),
  desk              text NOT NULL DEFAULT faceid_team.my_desk(),
  version           integer NOT NULL DEFAULT 1,
  published_at      timestamptz NOT NULL DEFAULT now(),
  started_at        bigint NOT NULL,
  finished_at       bigint,
  status            text NOT NULL CHECK (status IN ('pending', 'issued', 'failed', 'unknown')),
  profile_id        text NOT NULL,
  profile_name      text NOT NULL,
  environment       text NOT NULL,
  base_url          text NOT NULL,
  operator          text NOT NULL DEFAULT '',
  biz_no            text NOT NULL DEFAULT '',
  uuid              text NOT NULL DEFAULT '',
  comparison_type   text NOT NULL DEFAULT '',
  params            jsonb NOT NULL,
  photos            jsonb NOT NULL DEFAULT '[]',
  http_status       integer,
  response_body     text,
  token             text,
  biz_id            text,
  request_id        text,
  expired_time      bigint,
  time_used         integer,
  elapsed_ms        integer,
  error_code        text,
  error_field       text,
  error_message     text,
  result            jsonb,
  result_status     text,
  -- 1 for the result of a finished flow, 0 for one still running: a finished result is never
  -- replaced by a running one, and between two of the same rank the later fetch wins.
  result_rank       integer,
  result_fetched_at bigint,
  search_text       text GENERATED ALWAYS AS (
    coalesce(biz_id, '') || ' ' || biz_no || ' ' || uuid || ' ' || coalesce(token, '') || ' ' || coalesce(request_id, '')) STORED
);
CREATE INDEX calls_started ON faceid_team.calls (started_at DESC, id DESC);
CREATE INDEX calls_branch_started ON faceid_team.calls (branch, started_at DESC, id DESC);
CREATE INDEX calls_desk_started ON faceid_team.calls (desk, started_at DESC, id DESC);
CREATE INDEX calls_search ON faceid_team.calls USING gin (search_text gin_trgm_ops);

CREATE TABLE faceid_team.photos (
  global_id uuid NOT NULL REFERENCES faceid_team.calls (global_id) ON DELETE CASCADE,
  sha256    text NOT NULL,
  branch    text NOT NULL DEFAULT faceid_team.my_branch(),
  bytes     bytea NOT NULL,
  PRIMARY KEY (global_id, sha256)
);

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'faceid_desk') THEN CREATE ROLE faceid_desk NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'faceid_support') THEN CREATE ROLE faceid_support NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'faceid_auditor') THEN CREATE ROLE faceid_auditor NOLOGIN; END IF;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA faceid_team FROM PUBLIC;
GRANT USAGE ON SCHEMA faceid_team TO faceid_desk, faceid_support, faceid_auditor;
GRANT SELECT ON faceid_team.meta TO faceid_desk, faceid_support, faceid_auditor;
GRANT SELECT ON faceid_team.desks TO faceid_desk, faceid_support, faceid_auditor;
ALTER TABLE faceid_team.desks ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_mapping ON faceid_team.desks FOR SELECT USING (role_name = current_user);
GRANT SELECT, INSERT, UPDATE ON faceid_team.calls, faceid_team.photos TO faceid_desk;
GRANT USAGE ON SEQUENCE faceid_team.calls_id_seq TO faceid_desk;
GRANT SELECT ON faceid_team.calls TO faceid_support, faceid_auditor;
-- The auditor reads every call but no photo bytes: no grant on photos at all.
GRANT SELECT ON faceid_team.photos TO faceid_support;

ALTER TABLE faceid_team.calls ENABLE ROW LEVEL SECURITY;
CREATE POLICY desk_read ON faceid_team.calls FOR SELECT TO faceid_desk USING (branch = (SELECT faceid_team.my_branch()));
CREATE POLICY desk_insert ON faceid_team.calls FOR INSERT TO faceid_desk
  WITH CHECK (branch = (SELECT faceid_team.my_branch()) AND desk = (SELECT faceid_team.my_desk()));
-- A result fetched later on another desk of the branch may update the row; never move it.
CREATE POLICY desk_update ON faceid_team.calls FOR UPDATE TO faceid_desk
  USING (branch = (SELECT faceid_team.my_branch())) WITH CHECK (branch = (SELECT faceid_team.my_branch()));
CREATE POLICY support_read ON faceid_team.calls FOR SELECT TO faceid_support USING (true);
CREATE POLICY auditor_read ON faceid_team.calls FOR SELECT TO faceid_auditor USING (true);

-- Fragment search under RLS: ILIKE is not leakproof, so PostgreSQL will not use the trigram
-- index before a desk's policy has filtered the rows (a whole branch, read row by row). This
-- function finds the candidates through the index as the owner, pre-filtered to what the caller's
-- login may see; the query then joins them back through calls by id, under RLS, so the policies
-- stay the only authority over what is returned or counted.
CREATE FUNCTION faceid_team.fragment_matches(pattern text, cap integer) RETURNS SETOF bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT c.id FROM faceid_team.calls c
  WHERE c.search_text ILIKE pattern
    AND (pg_has_role(session_user, 'faceid_support', 'MEMBER') OR pg_has_role(session_user, 'faceid_auditor', 'MEMBER')
         OR c.branch = (SELECT d.branch FROM faceid_team.desks d WHERE d.role_name = session_user))
  LIMIT cap
$$;
REVOKE ALL ON FUNCTION faceid_team.fragment_matches(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION faceid_team.fragment_matches(text, integer) TO faceid_desk, faceid_support, faceid_auditor;

ALTER TABLE faceid_team.photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY desk_read ON faceid_team.photos FOR SELECT TO faceid_desk USING (branch = (SELECT faceid_team.my_branch()));
CREATE POLICY desk_insert ON faceid_team.photos FOR INSERT TO faceid_desk WITH CHECK (branch = (SELECT faceid_team.my_branch()));
CREATE POLICY support_read ON faceid_team.photos FOR SELECT TO faceid_support USING (true);

-- Down Migration
DROP SCHEMA faceid_team CASCADE;
