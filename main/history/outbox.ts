/**
 * The outbox of the local history: one entry per write (a call's start, its completion, a later
 * result), added by the store inside the very transaction of the write, so a write and its entry
 * exist together or not at all — through crashes and kill -9. A publisher reads entries in order,
 * sends the rows' current state, and acknowledges them; an entry acknowledged twice or sent twice
 * changes nothing, because the team store upserts by the global call id.
 */
import type Database from 'better-sqlite3';
import type { StoredResult } from '../../core/history';
import { TEAM_ERROR_CODES, type QuarantinedCall, type TeamErrorCode } from '../../core/team';

/** A stored refusal, read defensively (an unknown code reads as a server error). */
function errorOf(text: string | null): { code: TeamErrorCode; params: Record<string, string | number> } {
  try {
    const e = JSON.parse(text ?? '') as { code?: unknown; params?: unknown };
    const known = (TEAM_ERROR_CODES as readonly unknown[]).includes(e.code);
    return {
      code: known ? (e.code as TeamErrorCode) : 'TEAM_SERVER_ERROR',
      params: e.params && typeof e.params === 'object' ? (e.params as Record<string, string | number>) : {},
    };
  } catch {
    return { code: 'TEAM_SERVER_ERROR', params: {} };
  }
}

export type OutboxKind = 'start' | 'end' | 'result';

/** One queued entry with the current local row of its call. */
export interface OutboxEntry {
  seq: number;
  globalId: string;
  kind: OutboxKind;
  createdAt: number;
  /** The local row as stored (already redacted); absent if the call was deleted meanwhile. */
  row?: Record<string, unknown>;
}

export interface OutboxBacklog {
  /** Calls waiting to be published (those set aside not counted). */
  waiting: number;
  /** When the oldest waiting write happened (ms), if any waits. */
  oldestAt?: number;
  /** Calls set aside after the team server refused them for good. */
  quarantined: number;
  /** The error of the newest of them, as a code and parameters. */
  quarantineError?: { code: TeamErrorCode; params: Record<string, string | number>; at: number };
}

export type { QuarantinedCall } from '../../core/team';

/** How many refusals set an entry aside: a constraint or data error does not heal by waiting. */
export const QUARANTINE_AFTER = 3;

export class Outbox {
  /** Told after each entry is queued (a publisher wakes up); runs inside the write's transaction, so it must only schedule work. */
  onQueued: (() => void) | undefined;
  private readonly add: Database.Statement;
  private readonly addForCallId: Database.Statement;
  private readonly addInterrupted: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.add = db.prepare('INSERT INTO outbox (global_id, kind, created_at) VALUES (?, ?, ?)');
    this.addForCallId = db.prepare('INSERT INTO outbox (global_id, kind, created_at) SELECT global_id, ?, ? FROM calls WHERE call_id = ?');
    this.addInterrupted = db.prepare(
      "INSERT INTO outbox (global_id, kind, created_at) SELECT global_id, 'end', ? FROM calls WHERE status = 'pending'",
    );
  }

  /** Queues a write of the call with this global id; call it inside the write's transaction. */
  enqueue(globalId: string, kind: OutboxKind, nowMs: number): void {
    this.add.run(globalId, kind, nowMs);
    this.onQueued?.();
  }

  /** Queues a write of the call with this local call id (inside the write's transaction). */
  enqueueByCallId(callId: string, kind: OutboxKind, nowMs: number): void {
    if (this.addForCallId.run(kind, nowMs, callId).changes > 0) this.onQueued?.();
  }

  /** Queues the completion of every pending call; call it before marking them interrupted. */
  enqueueInterrupted(nowMs: number): void {
    if (this.addInterrupted.run(nowMs).changes > 0) this.onQueued?.();
  }

  /** The oldest entries, in write order, with their calls' current rows. */
  next(limit: number): OutboxEntry[] {
    const rows = this.db
      .prepare(
        "SELECT o.seq AS o_seq, o.global_id AS o_global_id, o.kind AS o_kind, o.created_at AS o_created_at, c.*, coalesce(json_extract(c.cloned_from_team, '$.globalId'), (SELECT s.global_id FROM calls s WHERE s.id = c.cloned_from)) AS cloned_from_global FROM outbox o LEFT JOIN calls c ON c.global_id = o.global_id WHERE o.quarantined_at IS NULL ORDER BY o.seq LIMIT ?",
      )
      .all(limit) as Record<string, unknown>[];
    return rows.map((r) => {
      const { o_seq, o_global_id, o_kind, o_created_at, ...row } = r;
      return {
        seq: Number(o_seq),
        globalId: String(o_global_id),
        kind: o_kind as OutboxKind,
        createdAt: Number(o_created_at),
        row: row.id === null || row.id === undefined ? undefined : row,
      };
    });
  }

  /** Removes entries a team store has confirmed (up to and including `seq`; never those set aside). */
  acknowledge(uptoSeq: number): void {
    this.db.prepare('DELETE FROM outbox WHERE seq <= ? AND quarantined_at IS NULL').run(uptoSeq);
  }

  /** Removes exactly these confirmed entries. */
  acknowledgeSeqs(seqs: readonly number[]): void {
    const del = this.db.prepare('DELETE FROM outbox WHERE seq = ?');
    this.db.transaction(() => {
      for (const seq of seqs) del.run(seq);
    })();
  }

  /**
   * Counts a permanent refusal of a call's waiting entries; those refused QUARANTINE_AFTER times
   * are set aside with the error. Returns how many entries were set aside now.
   */
  refused(
    globalId: string,
    error: { code: string; params: Record<string, string | number> },
    nowMs: number,
    after = QUARANTINE_AFTER,
  ): number {
    return this.db.transaction(() => {
      this.db
        .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE global_id = ? AND quarantined_at IS NULL')
        .run(JSON.stringify(error), globalId);
      return this.db
        .prepare('UPDATE outbox SET quarantined_at = ? WHERE global_id = ? AND quarantined_at IS NULL AND attempts >= ?')
        .run(nowMs, globalId, after).changes;
    })();
  }

  /** The calls set aside, newest first. */
  quarantined(limit = 100): QuarantinedCall[] {
    const rows = this.db
      .prepare(
        'SELECT o.global_id, max(o.attempts) AS attempts, max(o.quarantined_at) AS at, (SELECT last_error FROM outbox x WHERE x.global_id = o.global_id AND x.quarantined_at IS NOT NULL ORDER BY x.seq DESC LIMIT 1) AS err, c.biz_no FROM outbox o LEFT JOIN calls c ON c.global_id = o.global_id WHERE o.quarantined_at IS NOT NULL GROUP BY o.global_id ORDER BY at DESC LIMIT ?',
      )
      .all(limit) as { global_id: string; attempts: number; at: number; err: string | null; biz_no: string | null }[];
    return rows.map((r) => ({
      globalId: r.global_id,
      bizNo: r.biz_no ?? undefined,
      attempts: Number(r.attempts),
      at: Number(r.at),
      error: errorOf(r.err),
    }));
  }

  /** Puts calls set aside (one, or all) back in the queue; returns how many calls. */
  retryQuarantined(globalId?: string): number {
    const where = globalId === undefined ? '' : ' AND global_id = ?';
    const args = globalId === undefined ? [] : [globalId];
    const n = (
      this.db.prepare(`SELECT COUNT(DISTINCT global_id) AS n FROM outbox WHERE quarantined_at IS NOT NULL${where}`).get(...args) as {
        n: number;
      }
    ).n;
    this.db.prepare(`UPDATE outbox SET quarantined_at = NULL, attempts = 0 WHERE quarantined_at IS NOT NULL${where}`).run(...args);
    if (n > 0) this.onQueued?.();
    return Number(n);
  }

  /** Drops calls set aside (one, or all) from the queue: they stay on this desk, unpublished. */
  discardQuarantined(globalId?: string): number {
    const where = globalId === undefined ? '' : ' AND global_id = ?';
    const args = globalId === undefined ? [] : [globalId];
    const n = (
      this.db.prepare(`SELECT COUNT(DISTINCT global_id) AS n FROM outbox WHERE quarantined_at IS NOT NULL${where}`).get(...args) as {
        n: number;
      }
    ).n;
    this.db.prepare(`DELETE FROM outbox WHERE quarantined_at IS NOT NULL${where}`).run(...args);
    return Number(n);
  }

  /** What still waits to be published, and what was set aside. */
  backlog(): OutboxBacklog {
    const r = this.db
      .prepare('SELECT COUNT(DISTINCT global_id) AS n, MIN(created_at) AS oldest FROM outbox WHERE quarantined_at IS NULL')
      .get() as { n: number; oldest: number | null };
    const q = this.db.prepare('SELECT COUNT(DISTINCT global_id) AS n FROM outbox WHERE quarantined_at IS NOT NULL').get() as { n: number };
    const out: OutboxBacklog = { waiting: Number(r.n), oldestAt: r.oldest ?? undefined, quarantined: Number(q.n) };
    if (out.quarantined > 0) {
      const last = this.db
        .prepare(
          'SELECT last_error, quarantined_at FROM outbox WHERE quarantined_at IS NOT NULL ORDER BY quarantined_at DESC, seq DESC LIMIT 1',
        )
        .get() as { last_error: string | null; quarantined_at: number };
      out.quarantineError = { ...errorOf(last.last_error), at: Number(last.quarantined_at) };
    }
    return out;
  }

  /**
   * Takes a result another desk published for one of this desk's calls, when it ranks higher than
   * the one stored here (finished over running, then the later fetch): the newest completed state
   * wins on the desk as on the server. Queues nothing (the team store has it already). Returns
   * whether the row changed.
   */
  adoptResult(globalId: string, result: StoredResult, rank: (status: string) => number): boolean {
    const r = this.db.prepare('SELECT result_json FROM calls WHERE global_id = ?').get(globalId) as
      { result_json: string | null } | undefined;
    if (!r) return false;
    let mine: StoredResult | undefined;
    try {
      mine = r.result_json ? (JSON.parse(r.result_json) as StoredResult) : undefined;
    } catch {
      mine = undefined;
    }
    if (mine) {
      const a = rank(result.status);
      const b = rank(mine.status);
      if (a < b || (a === b && result.fetchedAt <= mine.fetchedAt)) return false;
    }
    // A best image kept here stays referred to; the team copy carries none.
    const kept = mine?.bestImageSha256 && !result.bestImageSha256 ? { ...result, bestImageSha256: mine.bestImageSha256 } : result;
    this.db
      .prepare('UPDATE calls SET result_json = ?, result_status = ?, verdict = ? WHERE global_id = ?')
      .run(JSON.stringify(kept), result.status, result.verdict ?? null, globalId);
    return true;
  }

  /** A sync point of the team history (e.g. how far results were read back), 0 before the first. */
  syncPoint(name: string): number {
    const r = this.db.prepare('SELECT value FROM team_sync WHERE name = ?').get(name) as { value: number } | undefined;
    return r ? Number(r.value) : 0;
  }

  setSyncPoint(name: string, value: number): void {
    this.db
      .prepare('INSERT INTO team_sync (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value')
      .run(name, value);
  }

  /** Kept photo bytes by hash (for a team policy that publishes photos). */
  photo(sha256: string): Buffer | undefined {
    const r = this.db.prepare('SELECT bytes FROM photos WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return r?.bytes;
  }
}
