/**
 * The token history in an embedded SQLite database (better-sqlite3, WAL). A row is written
 * before the request is sent and completed after, so a crash mid-call leaves an "unknown outcome"
 * row, never nothing. Nothing here retries a call.
 *
 * Every text the store writes — each column of a start, an end, a result, every string and key
 * inside the JSON ones — first passes the redactor it was opened with, so no caller can forget to
 * scrub a secret an upstream echoed back. The database and its -wal/-shm files are owner-only.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { ensurePrivateFile, tightenFileIfPresent } from '../app/private-files';
import { MIN_SECRET_CHARS, redactDeep, secretForms, type Redactor } from '../vault/redact';
import type {
  CallStatus,
  HistoryCursor,
  HistoryFilter,
  HistoryListRow,
  HistoryPage,
  HistoryPhoto,
  HistoryRow,
  Settings,
  StoredResult,
  TeamOrigin,
} from '../../core/history';
import type { ExchangeRecord } from '../../core/faceid/exchange-record';
import { Outbox } from './outbox';
import { whereOf } from './query';
import { migrate } from './schema';

export interface CallStart {
  callId: string;
  startedAt: number;
  profile: { id: string; name: string; environment: string; baseUrl: string };
  operator: string;
  /** The branch of the profile's desk settings at the time ('' when none). */
  branch?: string;
  /** Every parameter sent, the secret already redacted. */
  params: Record<string, string>;
  photos: HistoryPhoto[];
  /** Photo bytes by sha256, only when the operator keeps photos. */
  photoBytes?: Map<string, Uint8Array>;
  /** The row this call was cloned from. */
  clonedFrom?: number;
  /** ...or the team call (another desk's) it was cloned or replayed from. */
  clonedFromTeam?: TeamOrigin;
}

export interface CallEnd {
  status: Exclude<CallStatus, 'pending'>;
  finishedAt: number;
  httpStatus?: number;
  responseBody?: string;
  token?: string;
  bizId?: string;
  requestId?: string;
  expiredTime?: number;
  timeUsed?: number;
  elapsedMs?: number;
  errorCode?: string;
  errorField?: string;
  errorMessage?: string;
  /** Request line, headers and phase timings as the client saw them. */
  exchange?: ExchangeRecord;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Filtered counts stop here (shown as "10,000+"). */
export const COUNT_CAP = 10_000;

const LIST_COLUMNS = [
  'id',
  'started_at',
  'status',
  'profile_name',
  'environment',
  'biz_no',
  'biz_id',
  'uuid',
  'token',
  'expired_time',
  'error_code',
  'comparison_type',
  'result_status',
  'cloned_from',
  'verdict',
]
  .map((c) => `calls.${c}`)
  .join(', ');

function listRow(r: Row): HistoryListRow {
  return {
    id: Number(r.id),
    startedAt: Number(r.started_at),
    status: r.status as CallStatus,
    profileName: String(r.profile_name),
    environment: String(r.environment),
    bizNo: String(r.biz_no),
    bizId: str(r.biz_id),
    uuid: String(r.uuid),
    token: str(r.token),
    expiredTime: num(r.expired_time),
    errorCode: str(r.error_code),
    comparisonType: String(r.comparison_type),
    resultStatus: str(r.result_status),
    clonedFrom: num(r.cloned_from),
    verdict: str(r.verdict) as HistoryListRow['verdict'],
  };
}

/** A whole row; `clones` is filled by get() alone (exports and lookups do not need the trail's far end). */
function fullRow(r: Row): HistoryRow {
  return {
    clones: [],
    ...listRow(r),
    callId: String(r.call_id),
    finishedAt: num(r.finished_at),
    profileId: String(r.profile_id),
    baseUrl: String(r.base_url),
    operator: String(r.operator),
    branch: str(r.branch),
    params: JSON.parse(String(r.params_json)) as Record<string, string>,
    photos: JSON.parse(String(r.photos_json)) as HistoryPhoto[],
    httpStatus: num(r.http_status),
    responseBody: str(r.response_body),
    requestId: str(r.request_id),
    timeUsed: num(r.time_used),
    elapsedMs: num(r.elapsed_ms),
    errorField: str(r.error_field),
    errorMessage: str(r.error_message),
    result: typeof r.result_json === 'string' ? (JSON.parse(r.result_json) as StoredResult) : undefined,
    clonedFromTeam: typeof r.cloned_from_team === 'string' ? (JSON.parse(r.cloned_from_team) as TeamOrigin) : undefined,
    exchange: typeof r.exchange_json === 'string' ? (JSON.parse(r.exchange_json) as ExchangeRecord) : undefined,
  };
}

export interface HistoryStoreOptions {
  /** Applied to every text written; build it over the vault's known secrets. */
  redact: Redactor;
  /** Path of a better-sqlite3 binary built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

export class HistoryStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly insert: Database.Statement;
  private readonly finish: Database.Statement;
  private readonly keepPhoto: Database.Statement;
  /** The team history's queue, filled in the same transaction as each write. */
  readonly outbox: Outbox;

  private constructor(
    private readonly db: Database.Database,
    private readonly redact: Redactor,
  ) {
    this.insert =
      db.prepare(`INSERT INTO calls (call_id, global_id, started_at, status, profile_id, profile_name, environment, base_url, operator, branch, biz_no, uuid, comparison_type, params_json, photos_json, cloned_from, cloned_from_team)
      VALUES (@callId, @globalId, @startedAt, 'pending', @profileId, @profileName, @environment, @baseUrl, @operator, @branch, @bizNo, @uuid, @comparisonType, @params, @photos, @clonedFrom, @clonedFromTeam)`);
    this.finish =
      db.prepare(`UPDATE calls SET status = @status, finished_at = @finishedAt, http_status = @httpStatus, response_body = @responseBody, token = @token,
      biz_id = @bizId, request_id = @requestId, expired_time = @expiredTime, time_used = @timeUsed, elapsed_ms = @elapsedMs, error_code = @errorCode,
      error_field = @errorField, error_message = @errorMessage, exchange_json = @exchange WHERE call_id = @callId`);
    this.keepPhoto = db.prepare('INSERT OR IGNORE INTO photos (sha256, bytes) VALUES (?, ?)');
    this.outbox = new Outbox(db);
  }

  /** Opens (creating 0600 and migrating) the database file; every text written passes `redact`. */
  static open(file: string, options: HistoryStoreOptions): HistoryStore {
    // SQLite creates -wal and -shm with the main file's mode: make that 0600 first, and narrow
    // companions an older console left wider.
    ensurePrivateFile(file);
    for (const suffix of ['-wal', '-shm', '-journal']) tightenFileIfPresent(file + suffix);
    const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed row survives a crash of the process (not of the OS).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted rows (and kept photos, biometric data) are overwritten, not left in free pages
    // where anyone copying the file could still read them.
    db.pragma('secure_delete = ON');
    migrate(db);
    return new HistoryStore(db, options.redact);
  }

  /** A text column's value as written: redacted, null kept as null. */
  private text(v: string | undefined): string | null {
    return v === undefined ? null : this.redact(v);
  }

  /** A JSON column's value as written: every string and key inside redacted. */
  private json(v: unknown): string {
    return JSON.stringify(redactDeep(v, this.redact));
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Records a call about to be sent. */
  begin(c: CallStart): void {
    this.db.transaction(() => {
      const params = redactDeep(c.params, this.redact);
      const globalId = randomUUID();
      this.insert.run({
        callId: this.redact(c.callId),
        globalId,
        startedAt: c.startedAt,
        profileId: this.redact(c.profile.id),
        profileName: this.redact(c.profile.name),
        environment: this.redact(c.profile.environment),
        baseUrl: this.redact(c.profile.baseUrl),
        operator: this.redact(c.operator),
        branch: this.redact(c.branch ?? ''),
        bizNo: params.biz_no ?? '',
        uuid: params.uuid ?? '',
        comparisonType: params.comparison_type ?? '',
        params: JSON.stringify(params),
        photos: this.json(c.photos),
        clonedFrom: c.clonedFrom ?? null,
        clonedFromTeam: c.clonedFromTeam ? this.json(c.clonedFromTeam) : null,
      });
      for (const [sha, bytes] of c.photoBytes ?? []) this.keepPhoto.run(sha, Buffer.from(bytes));
      this.outbox.enqueue(globalId, 'start', c.startedAt);
    })();
  }

  /** Records how a call ended. */
  complete(callId: string, e: CallEnd): void {
    this.db.transaction(() => this.completeRow(callId, e))();
  }

  private completeRow(callId: string, e: CallEnd): void {
    const changes = this.finish.run({
      callId: this.redact(callId),
      status: e.status,
      finishedAt: e.finishedAt,
      httpStatus: e.httpStatus ?? null,
      responseBody: this.text(e.responseBody),
      token: this.text(e.token),
      bizId: this.text(e.bizId),
      requestId: this.text(e.requestId),
      expiredTime: e.expiredTime ?? null,
      timeUsed: e.timeUsed ?? null,
      elapsedMs: e.elapsedMs ?? null,
      errorCode: this.text(e.errorCode),
      errorField: this.text(e.errorField),
      errorMessage: this.text(e.errorMessage),
      exchange: e.exchange === undefined ? null : this.json(e.exchange),
    }).changes;
    if (changes > 0) this.outbox.enqueueByCallId(this.redact(callId), 'end', e.finishedAt);
  }

  /**
   * Rows left pending by a console that stopped mid-call become "unknown outcome": the request
   * may have reached the service. Returns how many.
   */
  markInterrupted(nowMs: number): number {
    return this.db.transaction(() => {
      this.outbox.enqueueInterrupted(nowMs);
      return this.stmt(
        "UPDATE calls SET status = 'unknown', finished_at = @now, error_code = 'INTERRUPTED', error_message = NULL WHERE status = 'pending'",
      ).run({ now: nowMs }).changes;
    })();
  }

  /** A page of the list, newest first. */
  query(filter: HistoryFilter, nowMs: number, limit: number, cursor?: HistoryCursor): HistoryPage {
    const where = whereOf(filter, nowMs, cursor);
    const rows = (
      this.stmt(`SELECT ${LIST_COLUMNS} FROM ${where.from} WHERE ${where.sql} ORDER BY ${where.order} LIMIT @limit`).all({
        ...where.params,
        limit: limit + 1,
      }) as Row[]
    ).map(listRow);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rows: page,
      ...this.count(filter, nowMs),
      next: rows.length > limit && last ? { startedAt: last.startedAt, id: last.id } : undefined,
    };
  }

  /**
   * How many rows match: exact and O(1) without a filter (kept by triggers); with one, counted up
   * to COUNT_CAP so a broad filter on a large history stays as fast as a narrow one.
   */
  count(filter: HistoryFilter, nowMs: number): { total: number; totalCapped: boolean } {
    const where = whereOf(filter, nowMs);
    if (where.sql === '1' && where.from === 'calls')
      return { total: Number((this.stmt("SELECT n FROM counts WHERE name = 'calls'").get() as Row).n), totalCapped: false };
    const n = Number(
      (
        this.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${where.from} WHERE ${where.sql} LIMIT ${COUNT_CAP + 1})`).get(
          where.params,
        ) as Row
      ).n,
    );
    return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }

  /** One whole call, with the rows cloned from it. */
  get(id: number): HistoryRow | undefined {
    const r = this.stmt('SELECT * FROM calls WHERE id = ?').get(id) as Row | undefined;
    if (!r) return undefined;
    const clones = (this.stmt('SELECT id FROM calls WHERE cloned_from = ? ORDER BY id').all(id) as { id: number }[]).map((c) => c.id);
    return { ...fullRow(r), clones };
  }

  /** Every matching call, newest first, for export. */
  *iterate(filter: HistoryFilter, nowMs: number): Generator<HistoryRow> {
    const where = whereOf(filter, nowMs);
    for (const r of this.db.prepare(`SELECT calls.* FROM ${where.from} WHERE ${where.sql} ORDER BY ${where.order}`).iterate(where.params))
      yield fullRow(r as Row);
  }

  /**
   * Deletes the matching rows (all rows with an empty filter); returns how many. A call still in
   * flight (pending) is never deleted: its row is the only record that a token may be issued,
   * and its answer must find the row to complete it.
   */
  delete(filter: HistoryFilter, nowMs: number): number {
    const where = whereOf(filter, nowMs);
    return this.db.transaction(() => {
      const n = this.db
        .prepare(`DELETE FROM calls WHERE id IN (SELECT calls.id FROM ${where.from} WHERE ${where.sql}) AND status != 'pending'`)
        .run(where.params).changes;
      this.prunePhotos();
      return n;
    })();
  }

  /** Applies the retention settings; returns how many rows went. */
  applyRetention(settings: Pick<Settings, 'retentionDays' | 'retentionRows'>, nowMs: number): number {
    return this.db.transaction(() => {
      let n = 0;
      if (settings.retentionDays > 0) {
        n += this.stmt('DELETE FROM calls WHERE started_at < ?').run(nowMs - settings.retentionDays * 86_400_000).changes;
      }
      if (settings.retentionRows > 0) {
        n += this.stmt('DELETE FROM calls WHERE id IN (SELECT id FROM calls ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?)').run(
          settings.retentionRows,
        ).changes;
      }
      if (n > 0) this.prunePhotos();
      return n;
    })();
  }

  private prunePhotos(): void {
    this.stmt(
      "DELETE FROM photos WHERE NOT EXISTS (SELECT 1 FROM calls WHERE instr(calls.photos_json, photos.sha256) > 0 OR instr(coalesce(calls.result_json, ''), photos.sha256) > 0)",
    ).run();
  }

  /** The row id of a call, by the id its caller chose. */
  idOf(callId: string): number | undefined {
    const r = this.stmt('SELECT id FROM calls WHERE call_id = ?').get(this.redact(callId)) as { id: number } | undefined;
    return r?.id;
  }

  /** The row of an issued token, by biz_id. */
  findByBizId(bizId: string): HistoryRow | undefined {
    const r = this.stmt('SELECT * FROM calls WHERE biz_id = ? ORDER BY id DESC LIMIT 1').get(bizId) as Row | undefined;
    return r ? fullRow(r) : undefined;
  }

  /** The newest call with exactly this biz_no. */
  findByBizNo(bizNo: string): HistoryRow | undefined {
    const r = this.stmt('SELECT * FROM calls WHERE biz_no = ? ORDER BY id DESC LIMIT 1').get(bizNo) as Row | undefined;
    return r ? fullRow(r) : undefined;
  }

  /** Counts one more get_result answer for a row and stores what it said, at once. */
  storeResult(id: number, result: StoredResult, bestImage?: Uint8Array): void {
    this.db.transaction(() => {
      if (bestImage && result.bestImageSha256) this.keepPhoto.run(result.bestImageSha256, Buffer.from(bestImage));
      this.stmt('UPDATE calls SET result_json = @json, result_status = @status, verdict = @verdict WHERE id = @id').run({
        id,
        json: this.json(result),
        status: this.redact(result.status),
        verdict: result.verdict ?? null,
      });
      const row = this.stmt('SELECT global_id FROM calls WHERE id = ?').get(id) as { global_id: string } | undefined;
      if (row) this.outbox.enqueue(row.global_id, 'result', result.fetchedAt);
    })();
  }

  /** Kept photo bytes by hash (the buffer SQLite answered: the caller owns it, no further copy). */
  photo(sha256: string): Uint8Array | undefined {
    const r = this.stmt('SELECT bytes FROM photos WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return r ? r.bytes : undefined;
  }

  /**
   * Rewrites, through the store's redactor, every stored text that still holds one of `secrets`
   * in any of its forms: rows written by a console older than the boundary redaction (or while a
   * secret was session-only and so unknown to a later launch) may hold a secret an upstream
   * echoed. Text columns are redacted as text, `*_json` columns parsed and redacted value by value
   * (so they stay valid JSON). Works in id ranges of `batch` rows and yields to the event loop
   * between them, so a large history never stalls the console. The search index follows through
   * its update trigger. Rows already published to a team store are not re-published (the payload
   * was redacted on its way out). Returns how many rows were rewritten.
   */
  async scrubSecrets(secrets: readonly string[], options: { batch?: number } = {}): Promise<number> {
    const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_CHARS).flatMap(secretForms))];
    if (forms.length === 0) return 0;
    const columns = (this.db.pragma('table_info(calls)') as { name: string; type: string }[])
      .filter((c) => c.type.toUpperCase() === 'TEXT')
      .map((c) => c.name);
    const all = columns.map((c) => `coalesce(${c}, '')`).join(' || char(1) || ');
    const holds = forms.map(() => `instr(${all}, ?) > 0`).join(' OR ');
    const find = this.db.prepare(`SELECT id, ${columns.join(', ')} FROM calls WHERE id > ? AND id <= ? AND (${holds})`);
    const write = this.db.prepare(`UPDATE calls SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    const last = (this.db.prepare('SELECT max(id) AS m FROM calls').get() as { m: number | null }).m ?? 0;
    const batch = Math.max(1, options.batch ?? 500);
    let rewritten = 0;
    for (let from = 0; from < last; from += batch) {
      const rows = find.all(from, from + batch, ...forms) as Record<string, string | number | null>[];
      const rewrite = this.db.transaction(() => {
        for (const row of rows) {
          const next: Record<string, string | number | null> = { id: row.id ?? null };
          for (const c of columns) {
            const v = row[c];
            next[c] = typeof v !== 'string' ? (v ?? null) : c.endsWith('_json') ? scrubJson(v, this.redact) : this.redact(v);
          }
          write.run(next);
        }
      });
      rewrite();
      rewritten += rows.length;
      if (from + batch < last) await new Promise((resolve) => setImmediate(resolve));
    }
    return rewritten;
  }

  /** Whether the database passes SQLite's integrity check. */
  integrityOk(): boolean {
    return this.db.pragma('integrity_check', { simple: true }) === 'ok';
  }

  close(): void {
    this.db.close();
  }
}

/** A stored JSON text redacted value by value; a text that is not JSON is redacted as text. */
function scrubJson(text: string, redact: Redactor): string {
  try {
    return JSON.stringify(redactDeep(JSON.parse(text) as unknown, redact));
  } catch {
    return redact(text);
  }
}
