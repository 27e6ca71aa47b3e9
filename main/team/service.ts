/**
 * The team history on the trusted side: its configuration, the background publisher, and the team
 * query for the History view's wider scopes. Off until the operator enables it; a change of the
 * settings or the password restarts the publisher with them. The app calls `nudge()` after each
 * local write and `stop()` on quit (what is unpublished stays in the outbox for the next start).
 */
import pg from 'pg';
import type { HistoryCursor, HistoryFilter, StoredResult } from '../../core/history';
import type { TeamSettings, TeamStatus } from '../../core/team';
import type { HistoryStore } from '../history/store';
import type { Redactor } from '../vault/redact';
import { TeamError, teamErrorOf } from './errors';
import { TeamPublisher } from './publisher';
import { clientConfig } from './settings';
import type { TeamConfigStore } from './team-config';
import { resultPayloadOf } from './payload';
import { teamGet, teamQuery, type TeamScope } from './team-history';
import { upsertResult } from './upsert';

export interface TeamServiceOptions {
  config: TeamConfigStore;
  history: HistoryStore;
  redact: Redactor;
  keepPhotos: () => boolean;
}

/**
 * The history queries' pool: two connections, so a fragment search can walk the newest rows while
 * its trigram probe counts (team-history.ts), and a detail can be read while a list page loads.
 */
export const TEAM_QUERY_POOL = { max: 2, idleTimeoutMillis: 30_000 } as const;

export class TeamService {
  private publisher: TeamPublisher | undefined;
  /** The query pool, made once: queries that arrive together before it exists share it. */
  private pool: Promise<pg.Pool> | undefined;

  constructor(private readonly o: TeamServiceOptions) {}

  private async connection(): Promise<pg.ClientConfig> {
    return clientConfig(this.o.config.settings(), await this.o.config.password());
  }

  private newPublisher(): TeamPublisher {
    return new TeamPublisher({
      outbox: this.o.history.outbox,
      connection: () => this.connection(),
      redact: this.o.redact,
      keepPhotos: this.o.keepPhotos,
    });
  }

  /** Starts publishing if the team history is enabled. */
  start(): void {
    if (!this.o.config.settings().enabled || this.publisher) return;
    this.publisher = this.newPublisher();
    this.publisher.start();
    // Publish a write as soon as it is committed, rather than at the next idle tick.
    const publisher = this.publisher;
    this.o.history.outbox.onQueued = () => queueMicrotask(() => publisher.nudge());
  }

  /** Stops publishing and closes the connections. */
  async stop(): Promise<void> {
    const p = this.publisher;
    this.publisher = undefined;
    this.o.history.outbox.onQueued = undefined;
    await p?.stop();
    const pool = this.pool;
    this.pool = undefined;
    await pool?.then((p) => p.end()).catch(() => {});
  }

  /**
   * One pass over the outbox, for a process that does not own the history (the CLI): what waits
   * is published now, once, without the background loop's idle ticks, read-back or backoff. A
   * running app publishing the same entries meanwhile only delivers them twice, which the upsert
   * ignores. Returns what still waits and, when the pass stopped, why; undefined when the team
   * history is off.
   */
  async publishOnce(): Promise<{ waiting: number; readOnly?: boolean; error?: TeamError } | undefined> {
    if (!this.o.config.settings().enabled) return undefined;
    const before = this.o.history.outbox.backlog().waiting;
    if (before === 0) return { waiting: 0 };
    const publisher = this.newPublisher();
    try {
      await publisher.drain();
      const waiting = this.o.history.outbox.backlog().waiting;
      // A read-only login publishes nothing until the DBA maps it: its calls wait, as in the app.
      return { waiting, ...(publisher.status().readOnly ? { readOnly: true } : {}) };
    } catch (e) {
      return { waiting: this.o.history.outbox.backlog().waiting, error: teamErrorOf(e) };
    } finally {
      await publisher.stop();
    }
  }

  /** A local write happened: publish it soon. */
  nudge(): void {
    this.publisher?.nudge();
  }

  status(): TeamStatus {
    const summary = this.o.config.summary();
    const { hasPassword, passwordSessionOnly, ...settings } = summary;
    const backlog = this.o.history.outbox.backlog();
    const p = this.publisher?.status();
    return { settings, hasPassword, passwordSessionOnly, state: p?.state ?? 'off', ...backlog, ...(p ? { ...p, state: p.state } : {}) };
  }

  /** Saves new settings (and password) and restarts publishing with them. */
  async update(settings: TeamSettings, password?: string, acceptUnprotected?: boolean): Promise<TeamStatus> {
    await this.o.config.update(settings, password, acceptUnprotected);
    await this.stop();
    this.start();
    return this.status();
  }

  /** The history query for the "my branch" and "all I may see" scopes. */
  async query(filter: HistoryFilter, scope: TeamScope, nowMs: number, limit: number, cursor?: HistoryCursor) {
    const pool = await this.queryPool();
    try {
      return await teamQuery(pool, filter, scope, nowMs, limit, cursor);
    } catch (e) {
      throw teamErrorOf(e);
    }
  }

  /** One team call by its team id, with its origin branch and desk. */
  async get(id: number) {
    const pool = await this.queryPool();
    try {
      return await teamGet(pool, id);
    } catch (e) {
      throw teamErrorOf(e);
    }
  }

  /**
   * A result this desk fetched for a team call it did not issue: written to the team row when it
   * ranks higher than the row's (the newest finished state wins); the issuing desk adopts it.
   * Returns whether the row changed.
   */
  async publishResult(globalId: string, result: StoredResult): Promise<boolean> {
    const pool = await this.queryPool();
    const client = await pool.connect();
    try {
      return await upsertResult(client, globalId, resultPayloadOf(result, this.o.redact));
    } catch (e) {
      throw teamErrorOf(e);
    } finally {
      client.release();
    }
  }

  private async queryPool(): Promise<pg.Pool> {
    if (!this.o.config.settings().enabled) throw new TeamError('TEAM_NOT_CONFIGURED');
    if (!this.pool) {
      const made = this.connection().then((config) => {
        const pool = new pg.Pool({ ...config, ...TEAM_QUERY_POOL });
        // A pooled connection that dies idle must not crash the console.
        pool.on('error', () => {});
        return pool;
      });
      this.pool = made;
      // A password the vault could not read fails this query; the next one asks again.
      made.catch(() => {
        if (this.pool === made) this.pool = undefined;
      });
    }
    return this.pool;
  }

  /** The team password, for the redactor. */
  knownSecrets(): string[] {
    return this.o.config.knownSecrets();
  }
}
