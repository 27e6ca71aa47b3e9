/**
 * The setup every team-history suite shares: a team database (startTeam) started before the
 * suite's first test, a temp folder for the desks' local stores, both removed after the last
 * test, and publishers wired the way the console wires them but with short waits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { TeamPublisher, type PublisherOptions } from '../../main/team/publisher';
import { redactorOf, type Redactor } from '../../main/vault/redact';
import { startTeam, type TeamFixture, type TeamRole } from './team-fixture';

export interface TeamSuite {
  /** The team database; set once the suite's beforeAll has run. */
  readonly team: TeamFixture;
  /** The suite's temp folder; set once the suite's beforeAll has run. */
  readonly dir: string;
  /** Redacts the suite's known secrets, for the stores and the publishers alike. */
  readonly redact: Redactor;
  /** Opens a new local history store (a fresh file each call) in the suite's folder. */
  desk(name?: string): HistoryStore;
  /**
   * A publisher of the store's outbox connecting as role: batches of 50, backoff 20–200 ms,
   * 50 ms idle, photos not kept; any option can be overridden.
   */
  publisher(store: HistoryStore, role: TeamRole, options?: Partial<PublisherOptions>): TeamPublisher;
}

export interface TeamSuiteOptions {
  /** The temp folder's name prefix, so a left-over folder names its suite. */
  dirPrefix: string;
  /** Secret values the redactor must hide. */
  secrets?: readonly string[];
  /** More setup on the started team (extra desk logins, say), run inside the same beforeAll. */
  setup?: (team: TeamFixture) => Promise<void>;
}

/** Registers the suite's beforeAll/afterAll; call it inside the describe block. */
export function useTeamSuite(options: TeamSuiteOptions): TeamSuite {
  let team: TeamFixture | undefined;
  let dir: string | undefined;
  const secrets = options.secrets ?? [];
  const redact = redactorOf(() => secrets);
  let n = 0;
  beforeAll(async () => {
    team = await startTeam();
    await options.setup?.(team);
    dir = mkdtempSync(join(tmpdir(), options.dirPrefix));
  }, 60_000);
  afterAll(async () => {
    await team?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const suite: TeamSuite = {
    get team() {
      if (!team) throw new Error('the team database is not started yet (use it inside a test or hook)');
      return team;
    },
    get dir() {
      if (!dir) throw new Error('the temp folder is not made yet (use it inside a test or hook)');
      return dir;
    },
    redact,
    desk: (name = 'desk') => HistoryStore.open(join(suite.dir, `${name}-${++n}.sqlite3`), { redact }),
    publisher: (store, role, overrides) =>
      new TeamPublisher({
        outbox: store.outbox,
        connection: async () => suite.team.config(role),
        redact,
        keepPhotos: () => false,
        batchSize: 50,
        backoff: { firstMs: 20, maxMs: 200 },
        idleMs: 50,
        ...overrides,
      }),
  };
  return suite;
}
