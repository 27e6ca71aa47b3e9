/**
 * The token history in an embedded SQLite database (better-sqlite3, WAL). A row is written
 * before the request is sent and completed after, so a crash mid-call leaves an "unknown outcome"
 * row, never nothing. Nothing here retries a call.
 */
import Database from 'better-sqlite3';
import type { CallStatus, HistoryCursor, HistoryFilter, HistoryListRow, HistoryPage, HistoryPhoto, HistoryRow, Settings, StoredResult } from '../../core/history';
import { whereOf } from './query';
import { migrate } from './schema';

export interface CallStart {
  callId: string;
  startedAt: number;
  profile: { id: string; name: string; environment: string; baseUrl: string };
  operator: string;
  /** Every parameter sent, the secret already redacted. */
  params: Record<string, string>;
  photos: HistoryPhoto[];
  /** Photo bytes by sha256, only when the operator keeps photos. */
  photoBytes?: Map<string, Uint8Array>;
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
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Filtered counts stop here (shown as "10,000+"). */
export const COUNT_CAP = 10_000;

const LIST_COLUMNS = 'id, started_at, status, profile_name, environment, biz_no, biz_id, uuid, token, expired_time, error_code, comparison_type, result_status';

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
  };
}

function fullRow(r: Row): HistoryRow {
  return {
    ...listRow(r),
    callId: String(r.call_id),
    finishedAt: num(r.finished_at),
    profileId: String(r.profile_id),
    baseUrl: String(r.base_url),
    operator: String(r.operator),
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
  };
}

export class HistoryStore {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly insert: Database.Statement;
  private readonly finish: Database.Statement;
  private readonly keepPhoto: Database.Statement;

  private constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO calls (call_id, started_at, status, profile_id, profile_name, environment, base_url, operator, biz_no, uuid, comparison_type, params_json, photos_json)
      VALUES (@callId, @startedAt, 'pending', @profileId, @profileName, @environment, @baseUrl, @operator, @bizNo, @uuid, @comparisonType, @params, @photos)`);
    this.finish = db.prepare(`UPDATE calls SET status = @status, finished_at = @finishedAt, http_status = @httpStatus, response_body = @responseBody, token = @token,
      biz_id = @bizId, request_id = @requestId, expired_time = @expiredTime, time_used = @timeUsed, elapsed_ms = @elapsedMs, error_code = @errorCode,
      error_field = @errorField, error_message = @errorMessage WHERE call_id = @callId`);
    this.keepPhoto = db.prepare('INSERT OR IGNORE INTO photos (sha256, bytes) VALUES (?, ?)');
  }

  /** Opens (creating and migrating) the database file. */
  static open(file: string, nativeBinding?: string): HistoryStore {
    const db = new Database(file, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed row survives a crash of the process (not of the OS).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return new HistoryStore(db);
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
      this.insert.run({
        callId: c.callId,
        startedAt: c.startedAt,
        profileId: c.profile.id,
        profileName: c.profile.name,
        environment: c.profile.environment,
        baseUrl: c.profile.baseUrl,
        operator: c.operator,
        bizNo: c.params.biz_no ?? '',
        uuid: c.params.uuid ?? '',
        comparisonType: c.params.comparison_type ?? '',
        params: JSON.stringify(c.params),
        photos: JSON.stringify(c.photos),
      });
      for (const [sha, bytes] of c.photoBytes ?? []) this.keepPhoto.run(sha, Buffer.from(bytes));
    })();
  }

  /** Records how a call ended. */
  complete(callId: string, e: CallEnd): void {
    this.finish.run({
      callId,
      status: e.status,
      finishedAt: e.finishedAt,
      httpStatus: e.httpStatus ?? null,
      responseBody: e.responseBody ?? null,
      token: e.token ?? null,
      bizId: e.bizId ?? null,
      requestId: e.requestId ?? null,
      expiredTime: e.expiredTime ?? null,
      timeUsed: e.timeUsed ?? null,
      elapsedMs: e.elapsedMs ?? null,
      errorCode: e.errorCode ?? null,
      errorField: e.errorField ?? null,
      errorMessage: e.errorMessage ?? null,
    });
  }

  /**
   * Rows left pending by a console that stopped mid-call become "unknown outcome": the request
   * may have reached the service. Returns how many.
   */
  markInterrupted(nowMs: number): number {
    return this.stmt(
      "UPDATE calls SET status = 'unknown', finished_at = @now, error_code = 'INTERRUPTED', error_message = 'The console stopped before the answer arrived; a token may have been issued.' WHERE status = 'pending'",
    ).run({ now: nowMs }).changes;
  }

  /** A page of the list, newest first. */
  query(filter: HistoryFilter, nowMs: number, limit: number, cursor?: HistoryCursor): HistoryPage {
    const where = whereOf(filter, nowMs, cursor);
    const rows = (this.stmt(`SELECT ${LIST_COLUMNS} FROM calls WHERE ${where.sql} ORDER BY started_at DESC, id DESC LIMIT @limit`).all({ ...where.params, limit: limit + 1 }) as Row[]).map(listRow);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page, ...this.count(filter, nowMs), next: rows.length > limit && last ? { startedAt: last.startedAt, id: last.id } : undefined };
  }

  /**
   * How many rows match: exact and O(1) without a filter (kept by triggers); with one, counted up
   * to COUNT_CAP so a broad filter on a large history stays as fast as a narrow one.
   */
  count(filter: HistoryFilter, nowMs: number): { total: number; totalCapped: boolean } {
    const where = whereOf(filter, nowMs);
    if (where.sql === '1') return { total: Number((this.stmt("SELECT n FROM counts WHERE name = 'calls'").get() as Row).n), totalCapped: false };
    const n = Number((this.stmt(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM calls WHERE ${where.sql} LIMIT ${COUNT_CAP + 1})`).get(where.params) as Row).n);
    return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }

  /** One whole call. */
  get(id: number): HistoryRow | undefined {
    const r = this.stmt('SELECT * FROM calls WHERE id = ?').get(id) as Row | undefined;
    return r ? fullRow(r) : undefined;
  }

  /** Every matching call, newest first, for export. */
  *iterate(filter: HistoryFilter, nowMs: number): Generator<HistoryRow> {
    const where = whereOf(filter, nowMs);
    for (const r of this.db.prepare(`SELECT * FROM calls WHERE ${where.sql} ORDER BY started_at DESC, id DESC`).iterate(where.params)) yield fullRow(r as Row);
  }

  /**
   * Deletes the matching rows (all rows with an empty filter); returns how many. A call still in
   * flight (pending) is never deleted: its row is the only record that a token may be issued,
   * and its answer must find the row to complete it.
   */
  delete(filter: HistoryFilter, nowMs: number): number {
    const where = whereOf(filter, nowMs);
    return this.db.transaction(() => {
      const n = this.db.prepare(`DELETE FROM calls WHERE (${where.sql}) AND status != 'pending'`).run(where.params).changes;
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
        n += this.stmt('DELETE FROM calls WHERE id IN (SELECT id FROM calls ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?)').run(settings.retentionRows).changes;
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
    const r = this.stmt('SELECT id FROM calls WHERE call_id = ?').get(callId) as { id: number } | undefined;
    return r?.id;
  }

  /** The row of an issued token, by biz_id. */
  findByBizId(bizId: string): HistoryRow | undefined {
    const r = this.stmt('SELECT * FROM calls WHERE biz_id = ? ORDER BY id DESC LIMIT 1').get(bizId) as Row | undefined;
    return r ? fullRow(r) : undefined;
  }

  /** Counts one more get_result answer for a row and stores what it said, at once. */
  storeResult(id: number, result: StoredResult, bestImage?: Uint8Array): void {
    this.db.transaction(() => {
      if (bestImage && result.bestImageSha256) this.keepPhoto.run(result.bestImageSha256, Buffer.from(bestImage));
      this.stmt('UPDATE calls SET result_json = @json, result_status = @status WHERE id = @id').run({ id, json: JSON.stringify(result), status: result.status });
    })();
  }

  /** Kept photo bytes by hash. */
  photo(sha256: string): Uint8Array | undefined {
    const r = this.stmt('SELECT bytes FROM photos WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return r ? new Uint8Array(r.bytes) : undefined;
  }

  /** Whether the database passes SQLite's integrity check. */
  integrityOk(): boolean {
    return this.db.pragma('integrity_check', { simple: true }) === 'ok';
  }

  close(): void {
    this.db.close();
  }
}
