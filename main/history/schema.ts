/**
 * The history database's schema, versioned with SQLite's user_version. Each migration takes the
 * database from version N-1 to N inside one transaction.
 */
import type Database from 'better-sqlite3';

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
  // 3: the verdict of the verification model (core/faceid/flow-status.ts), written with the result,
  // so the list shows and filters by it without reading every result; and the desk's branch.
  `
  ALTER TABLE calls ADD COLUMN verdict TEXT;
  CREATE INDEX calls_verdict ON calls (verdict, started_at DESC);
  -- The branch the call was made at (the profile's desk setting then), for the record.
  ALTER TABLE calls ADD COLUMN branch TEXT NOT NULL DEFAULT '';
  `,
];

export const HISTORY_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to the current schema; refuses one written by a newer console. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The history database was written by a newer FaceID Console (schema ${current}; this one knows up to ${MIGRATIONS.length}).`);
  }
  for (let v = current + 1; v <= MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v - 1] ?? '');
      db.pragma(`user_version = ${v}`);
    })();
  }
}
