/**
 * Publishes the local history's outbox to the team store. One batch at a time: read the oldest
 * entries, upsert their calls' current state in one PostgreSQL transaction, then acknowledge them
 * locally. A crash between the server's commit and the acknowledgement only sends the batch again,
 * which the upsert ignores; so the desk loses nothing and the team store doubles nothing through
 * disconnects, restarts and kill -9. While the server is away it backs off (doubling, with jitter,
 * up to a ceiling) and reconnects, checking the schema version again each time.
 *
 * A support or auditor login that the DBA did not map in faceid_team.desks reads the team history
 * but may publish nothing (the policies name its branch and desk). That is a setting, not a fault:
 * the publisher stays connected in the read-only state, without error or backoff, keeps the desk's
 * own calls in the outbox, and asks the server for the mapping again at each idle tick; once the
 * login is mapped it publishes them as any desk does. An auditor login stays read-only even when
 * mapped: the schema lets it write nothing.
 */
import pg from 'pg';
import type { ClientConfig } from 'pg';
import type { Outbox } from '../history/outbox';
import type { TeamStatus } from '../../core/team';
import type { Redactor } from '../vault/redact';
import { TeamError, teamErrorOf } from './errors';
import { keptPhotoHashes, payloadOf, type TeamCallPayload } from './payload';
import { checkTeamSchema, teamLoginOf, type TeamServerInfo } from './schema';
import { adoptTeamResults } from './results-back';
import { upsertBatch } from './upsert';

export interface PublisherOptions {
  outbox: Outbox;
  /** The connection (password included); called for each new connection so a change applies. */
  connection: () => Promise<ClientConfig>;
  redact: Redactor;
  /** The operator keeps photos (the team policy must allow it too). */
  keepPhotos: () => boolean;
  batchSize?: number;
  backoff?: { firstMs: number; maxMs: number };
  /** How long to wait for new writes when the outbox is empty. */
  idleMs?: number;
  now?: () => number;
  /** Told when results published by other desks were read back into this desk's rows. */
  onAdopted?: (count: number) => void;
}

/** What the UI shows: the backlog, and the last error as a code and parameters. */
export type PublisherStatus = Omit<TeamStatus, 'settings' | 'hasPassword' | 'passwordSessionOnly' | 'state'> & {
  state: Exclude<TeamStatus['state'], 'off'>;
};

/**
 * Whether the server refused the data itself, for good: a data exception (class 22, e.g. a value
 * out of range), an integrity constraint (class 23, e.g. a CHECK the bank added) or a program
 * limit (class 54, e.g. a value too large). Waiting will not change it; other errors may heal.
 */
export function isPermanent(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

export class TeamPublisher {
  private client: pg.Client | undefined;
  private server: TeamServerInfo | undefined;
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private failures = 0;
  private readonly st: Omit<PublisherStatus, 'waiting' | 'oldestAt' | 'quarantined' | 'quarantineError'> = { state: 'stopped' };
  private readonly now: () => number;

  constructor(private readonly o: PublisherOptions) {
    this.now = o.now ?? Date.now;
  }

  status(): PublisherStatus {
    return { ...this.st, ...this.o.outbox.backlog() };
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client(await this.o.connection());
    // A connection that dies between batches must not crash the console: the next batch reconnects.
    client.on('error', () => this.drop(client));
    try {
      await client.connect();
      this.server = await checkTeamSchema(client);
      this.applyLogin(this.server, String(client.user ?? ''));
    } catch (e) {
      await client.end().catch(() => {});
      throw e;
    }
    this.client = client;
    return client;
  }

  /**
   * Where the login publishes. A role the DBA has not mapped to a branch and desk could insert
   * nothing (RLS): a desk role so is misconfigured (an error); a support or auditor login reads.
   */
  private applyLogin(login: Pick<TeamServerInfo, 'branch' | 'desk' | 'support' | 'auditor'>, user: string): void {
    if (this.server) Object.assign(this.server, login);
    // An auditor writes nothing (the schema grants it no insert), mapped in faceid_team.desks or not.
    const writer = !login.auditor || login.support;
    if (writer && login.branch && login.desk) {
      delete this.st.readOnly;
      this.st.branch = login.branch;
      this.st.desk = login.desk;
      return;
    }
    delete this.st.branch;
    delete this.st.desk;
    if (login.support || login.auditor) {
      this.st.readOnly = { kind: login.support ? 'support' : 'auditor', user };
      return;
    }
    delete this.st.readOnly;
    throw new TeamError('TEAM_NOT_A_DESK', { user });
  }

  /** A read-only login asks again whether the DBA has mapped it, on the connection it holds. */
  private async recheckLogin(client: pg.Client): Promise<void> {
    try {
      this.applyLogin(await teamLoginOf(client), String(client.user ?? ''));
    } catch (e) {
      this.drop(client);
      throw e;
    }
  }

  private drop(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => {});
  }

  /** Publishes one batch; returns how many outbox entries it acknowledged (0: nothing waits). */
  async publishBatch(): Promise<number> {
    const entries = this.o.outbox.next(this.o.batchSize ?? 200);
    const last = entries[entries.length - 1];
    if (!last) return 0;
    const client = await this.connect();
    // A read-only login keeps them in the outbox until it is mapped.
    if (this.st.readOnly) return 0;
    const byId = new Map<string, TeamCallPayload>();
    for (const e of entries) if (e.row) byId.set(e.globalId, payloadOf(e.row, this.o.redact));
    const calls = [...byId.values()];
    const photos: { global_id: string; sha256: string; bytes: string }[] = [];
    if (this.server?.publishPhotos && this.o.keepPhotos()) {
      for (const c of calls) {
        for (const sha of keptPhotoHashes(c)) {
          const bytes = this.o.outbox.photo(sha);
          if (bytes) photos.push({ global_id: c.global_id, sha256: sha, bytes: bytes.toString('base64') });
        }
      }
    }
    try {
      await client.query('BEGIN');
      await upsertBatch(client, calls, photos);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      // A refusal of the data itself (not of the connection or the role) is one call's, not the
      // batch's: find which, publish the others, and count it against the refused ones.
      if (isPermanent(e) && this.client === client) return this.publishOneByOne(client, entries, calls, photos);
      this.drop(client);
      throw e;
    }
    this.o.outbox.acknowledge(last.seq);
    this.st.lastPublishedAt = this.now();
    return entries.length;
  }

  /** The batch again, each call in its own savepoint; the refused ones are counted, the rest acknowledged. */
  private async publishOneByOne(
    client: pg.Client,
    entries: ReturnType<Outbox['next']>,
    calls: TeamCallPayload[],
    photos: { global_id: string; sha256: string; bytes: string }[],
  ): Promise<number> {
    const refused = new Map<string, TeamError>();
    try {
      await client.query('BEGIN');
      for (const call of calls) {
        await client.query('SAVEPOINT one_call');
        try {
          await upsertBatch(
            client,
            [call],
            photos.filter((p) => p.global_id === call.global_id),
          );
          await client.query('RELEASE SAVEPOINT one_call');
        } catch (e) {
          if (!isPermanent(e)) throw e;
          await client.query('ROLLBACK TO SAVEPOINT one_call');
          refused.set(call.global_id, teamErrorOf(e));
        }
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      this.drop(client);
      throw e;
    }
    this.o.outbox.acknowledgeSeqs(entries.filter((e) => !refused.has(e.globalId)).map((e) => e.seq));
    for (const [globalId, err] of refused) this.o.outbox.refused(globalId, { code: err.code, params: err.params }, this.now());
    if (refused.size < calls.length) this.st.lastPublishedAt = this.now();
    // Every entry was either acknowledged or counted: the loop goes on with the next batch.
    return entries.length;
  }

  /** Publishes until the outbox is empty or an error stops it (thrown as TeamError). */
  async drain(): Promise<void> {
    try {
      while ((await this.publishBatch()) > 0) {
        /* next batch */
      }
    } catch (e) {
      throw teamErrorOf(e);
    }
  }

  /** Reads back results other desks of the branch published for this desk's calls. */
  async readBack(): Promise<number> {
    try {
      const client = await this.connect();
      // Only a mapped desk has calls of its own in the team store.
      if (this.st.readOnly) return 0;
      const n = await adoptTeamResults(client, this.o.outbox, this.o.redact);
      if (n > 0) {
        this.st.resultsAdopted = (this.st.resultsAdopted ?? 0) + n;
        this.o.onAdopted?.(n);
      }
      return n;
    } catch (e) {
      throw teamErrorOf(e);
    }
  }

  /** Runs in the background until stop(): drains, waits for writes, backs off after errors. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** New writes are waiting: publish now rather than at the next idle tick. */
  nudge(): void {
    if (this.st.state === 'idle' || this.st.state === 'read-only') this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      // A read-only login's check of its mapping is not publishing: the state holds until it is mapped.
      if (this.st.state !== 'read-only') this.st.state = 'publishing';
      try {
        // Connect (and check the schema) even with nothing to send, so a wrong setting shows at once.
        const held = this.client;
        const client = await this.connect().catch((e: unknown) => {
          throw teamErrorOf(e);
        });
        // A new connection checked the login already; one held since asks whether it was mapped.
        if (this.st.readOnly && client === held) await this.recheckLogin(client);
        if (this.st.readOnly) {
          this.failures = 0;
          delete this.st.nextAttemptAt;
          this.st.state = 'read-only';
          await this.sleep(this.o.idleMs ?? 2000);
          continue;
        }
        this.st.state = 'publishing';
        await this.drain();
        await this.readBack();
        this.failures = 0;
        delete this.st.nextAttemptAt;
        this.st.state = 'idle';
        await this.sleep(this.o.idleMs ?? 2000);
      } catch (e) {
        const err = teamErrorOf(e);
        this.st.lastError = { code: err.code, params: err.params, at: this.now() };
        const b = this.o.backoff ?? { firstMs: 1000, maxMs: 60_000 };
        const wait = Math.min(b.maxMs, b.firstMs * 2 ** this.failures++) * (0.75 + Math.random() * 0.5);
        this.st.state = 'backing-off';
        this.st.nextAttemptAt = this.now() + wait;
        await this.sleep(wait);
      }
    }
  }

  /** Stops the loop and closes the connection; what is not acknowledged stays in the outbox. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.st.state = 'stopped';
    if (this.client) this.drop(this.client);
  }
}
