/**
 * The outbox of the local history: one entry per write (a call's start, its completion, a later
 * result), added by the store inside the very transaction of the write, so a write and its entry
 * exist together or not at all — through crashes and kill -9. A publisher reads entries in order,
 * sends the rows' current state, and acknowledges them; an entry acknowledged twice or sent twice
 * changes nothing, because the team store upserts by the global call id.
 */
import type Database from 'better-sqlite3';

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
  waiting: number;
  /** When the oldest waiting write happened (ms), if any waits. */
  oldestAt?: number;
}

export class Outbox {
  /** Told after each entry is queued (a publisher wakes up); runs inside the write's transaction, so it must only schedule work. */
  onQueued: (() => void) | undefined;
  private readonly add: Database.Statement;
  private readonly addForCallId: Database.Statement;
  private readonly addInterrupted: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.add = db.prepare('INSERT INTO outbox (global_id, kind, created_at) VALUES (?, ?, ?)');
    this.addForCallId = db.prepare('INSERT INTO outbox (global_id, kind, created_at) SELECT global_id, ?, ? FROM calls WHERE call_id = ?');
    this.addInterrupted = db.prepare("INSERT INTO outbox (global_id, kind, created_at) SELECT global_id, 'end', ? FROM calls WHERE status = 'pending'");
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
      .prepare('SELECT o.seq AS o_seq, o.global_id AS o_global_id, o.kind AS o_kind, o.created_at AS o_created_at, c.* FROM outbox o LEFT JOIN calls c ON c.global_id = o.global_id ORDER BY o.seq LIMIT ?')
      .all(limit) as Record<string, unknown>[];
    return rows.map((r) => {
      const { o_seq, o_global_id, o_kind, o_created_at, ...row } = r;
      return { seq: Number(o_seq), globalId: String(o_global_id), kind: o_kind as OutboxKind, createdAt: Number(o_created_at), row: row.id === null || row.id === undefined ? undefined : row };
    });
  }

  /** Removes entries a team store has confirmed (up to and including `seq`). */
  acknowledge(uptoSeq: number): void {
    this.db.prepare('DELETE FROM outbox WHERE seq <= ?').run(uptoSeq);
  }

  /** What still waits to be published. */
  backlog(): OutboxBacklog {
    const r = this.db.prepare('SELECT COUNT(DISTINCT global_id) AS n, MIN(created_at) AS oldest FROM outbox').get() as { n: number; oldest: number | null };
    return { waiting: Number(r.n), oldestAt: r.oldest ?? undefined };
  }

  /** Kept photo bytes by hash (for a team policy that publishes photos). */
  photo(sha256: string): Buffer | undefined {
    const r = this.db.prepare('SELECT bytes FROM photos WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return r?.bytes;
  }
}
