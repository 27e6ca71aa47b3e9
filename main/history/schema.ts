/**
 * The history database's schema, versioned with SQLite's user_version. Each migration takes the
 * database from version N-1 to N inside one transaction.
 */
import type Database from 'better-sqlite3';

/** The searched columns of calls_search, in order. */
const SEARCHED = 'biz_no, uuid, biz_id, token, request_id, error_code, error_field, biz_extra_data, profile_name, operator';
const SEARCHED_VALUES = (t: string): string =>
  `${t}.biz_no, ${t}.uuid, ${t}.biz_id, ${t}.token, ${t}.request_id, ${t}.error_code, ${t}.error_field, json_extract(${t}.params_json, '$.biz_extra_data'), ${t}.profile_name, ${t}.operator`;

const MIGRATIONS: string[] = [
  // 1: one row per get_token call, written before the request is sent.
  `
  CREATE TABLE calls (
    id            INTEGER PRIMARY KEY,
    call_id       TEXT NOT NULL UNIQUE,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'issued', 'failed', 'unknown')),
    profile_id    TEXT NOT NULL,
    profile_name  TEXT NOT NULL,
    environment   TEXT NOT NULL,
    base_url      TEXT NOT NULL,
    operator      TEXT NOT NULL DEFAULT '',
    biz_no        TEXT NOT NULL DEFAULT '',
    uuid          TEXT NOT NULL DEFAULT '',
    comparison_type TEXT NOT NULL DEFAULT '',
    params_json   TEXT NOT NULL,
    photos_json   TEXT NOT NULL DEFAULT '[]',
    http_status   INTEGER,
    response_body TEXT,
    token         TEXT,
    biz_id        TEXT,
    request_id    TEXT,
    expired_time  INTEGER,
    time_used     INTEGER,
    elapsed_ms    INTEGER,
    error_code    TEXT,
    error_field   TEXT,
    error_message TEXT
  );
  CREATE INDEX calls_started ON calls (started_at DESC, id DESC);
  CREATE INDEX calls_profile ON calls (profile_id, started_at DESC);
  CREATE INDEX calls_status ON calls (status, started_at DESC);
  CREATE INDEX calls_biz_no ON calls (biz_no);
  CREATE INDEX calls_biz_id ON calls (biz_id);
  CREATE INDEX calls_uuid ON calls (uuid);
  CREATE INDEX calls_token ON calls (token);
  CREATE INDEX calls_request_id ON calls (request_id);
  -- The row count, kept by triggers, so the unfiltered total costs the same at any size.
  CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
  INSERT INTO counts (name, n) VALUES ('calls', 0);
  CREATE TRIGGER calls_counted_insert AFTER INSERT ON calls BEGIN UPDATE counts SET n = n + 1 WHERE name = 'calls'; END;
  CREATE TRIGGER calls_counted_delete AFTER DELETE ON calls BEGIN UPDATE counts SET n = n - 1 WHERE name = 'calls'; END;
  CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY,
    bytes  BLOB NOT NULL
  );
  `,
  // 2: the verification result as last fetched (get_result answers at most three times, for a
  // day), so the console shows it from storage afterwards.
  `
  ALTER TABLE calls ADD COLUMN result_json TEXT;
  ALTER TABLE calls ADD COLUMN result_status TEXT;
  CREATE INDEX calls_result_status ON calls (result_status);
  `,
  // 3: team history. A global call id (UUID v4) per call, so a team store can upsert a call
  // idempotently whatever its local rowid; and an outbox that each write fills in its own
  // transaction, so a publisher never misses or invents a write. Calls made before this version
  // are queued once, so a desk that joins a team publishes the history it already has.
  `
  ALTER TABLE calls ADD COLUMN global_id TEXT;
  UPDATE calls SET global_id = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
  CREATE UNIQUE INDEX calls_global_id ON calls (global_id);
  CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY,
    global_id  TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('start', 'end', 'result')),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX outbox_global_id ON outbox (global_id);
  INSERT INTO outbox (global_id, kind, created_at) SELECT global_id, CASE WHEN result_json IS NOT NULL THEN 'result' WHEN status = 'pending' THEN 'start' ELSE 'end' END, started_at FROM calls ORDER BY id;
  -- A call deleted on the desk can no longer be published; what the team store already has stays
  -- (it is the bank's record, under the bank's retention).
  CREATE TRIGGER calls_outbox_delete AFTER DELETE ON calls BEGIN DELETE FROM outbox WHERE global_id = OLD.global_id; END;
  `,
  // 4: the verdict of the verification model (core/faceid/flow-status.ts), written with the result,
  // so the list shows and filters by it without reading every result; and the desk's branch.
  `
  ALTER TABLE calls ADD COLUMN verdict TEXT;
  CREATE INDEX calls_verdict ON calls (verdict, started_at DESC);
  -- The branch the call was made at (the profile's desk setting then), for the record.
  ALTER TABLE calls ADD COLUMN branch TEXT NOT NULL DEFAULT '';
  `,
  // 5: substring search (support desk) and the clone trail. A contentless FTS5 index with the
  // trigram tokenizer (case-insensitive) over every value an agent may be handed; contentless so
  // the searched texts are not stored a second time. Kept by triggers, so no writer can forget it.
  `
  ALTER TABLE calls ADD COLUMN cloned_from INTEGER;
  CREATE INDEX calls_cloned_from ON calls (cloned_from);
  CREATE VIRTUAL TABLE calls_search USING fts5(
    biz_no, uuid, biz_id, token, request_id, error_code, error_field, biz_extra_data, profile_name, operator,
    tokenize = 'trigram case_sensitive 0', content = '', contentless_delete = 1
  );
  INSERT INTO calls_search (rowid, ${SEARCHED})
    SELECT id, ${SEARCHED_VALUES('calls')} FROM calls;
  CREATE TRIGGER calls_search_insert AFTER INSERT ON calls BEGIN
    INSERT INTO calls_search (rowid, ${SEARCHED}) VALUES (new.id, ${SEARCHED_VALUES('new')});
  END;
  CREATE TRIGGER calls_search_update AFTER UPDATE OF biz_no, uuid, biz_id, token, request_id, error_code, error_field, params_json, profile_name, operator ON calls BEGIN
    DELETE FROM calls_search WHERE rowid = old.id;
    INSERT INTO calls_search (rowid, ${SEARCHED}) VALUES (new.id, ${SEARCHED_VALUES('new')});
  END;
  CREATE TRIGGER calls_search_delete AFTER DELETE ON calls BEGIN
    DELETE FROM calls_search WHERE rowid = old.id;
  END;
  `,
  // 6: how the exchange went on the wire (request line and headers, response headers, the client's
  // phase timings), one JSON document per call (core/faceid/exchange-record.ts).
  `
  ALTER TABLE calls ADD COLUMN exchange_json TEXT;
  `,
  // 7: team history, second part. Outbox entries the team server refuses for good (a constraint or
  // data error, not a network one) count their attempts and are set aside with their error, so
  // they never block the others; a call cloned from a team call records its origin (global id,
  // team id, branch and desk); and the point up to which results published by other desks of
  // the branch have been read back into this desk's rows.
  `
  ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE outbox ADD COLUMN last_error TEXT;
  ALTER TABLE outbox ADD COLUMN quarantined_at INTEGER;
  CREATE INDEX outbox_quarantined ON outbox (quarantined_at);
  ALTER TABLE calls ADD COLUMN cloned_from_team TEXT;
  CREATE TABLE team_sync (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
];

export const HISTORY_SCHEMA_VERSION = MIGRATIONS.length;

/** The migrations' SQL in order (for tests that build an older database). */
export const HISTORY_MIGRATIONS: readonly string[] = MIGRATIONS;

/** Brings the database to the current schema; refuses one written by a newer console. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The history database was written by a newer FaceID Console (schema ${current}; this one knows up to ${MIGRATIONS.length}).`,
    );
  }
  for (let v = current + 1; v <= MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v - 1] ?? '');
      db.pragma(`user_version = ${v}`);
    })();
  }
}
