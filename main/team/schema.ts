/**
 * The team store's schema: versioned SQL migrations in ./migrations, applied with node-pg-migrate
 * (the bank's DBA runs them, via `faceid-console team init --apply`, or reviews the printed SQL).
 * A console checks the server's version before every publishing session and refuses to write into
 * a schema it does not know: a newer one that no longer accepts its writes, or an older one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClientBase } from 'pg';
import { TeamError } from './errors';

/** The team schema version this console writes. */
export const TEAM_SCHEMA_VERSION = 4;
/** node-pg-migrate's bookkeeping table, in the team schema. */
export const MIGRATIONS_TABLE = 'pgmigrations';
export const MIGRATIONS_SCHEMA = 'faceid_team';

/**
 * Where the migration files are: beside this module when it runs from source (tsx, tests), or in
 * the source tree next to the built bundle (`out/main/cli.js` → `main/team/migrations`).
 */
export function migrationsDir(): string {
  const here = fileURLToPath(new URL('./migrations', import.meta.url));
  if (existsSync(here)) return here;
  // A bundle may sit a few folders down (out/main/, out/main/chunks/): look up for the source tree.
  for (const up of ['../', '../../', '../../../', '../../../../']) {
    const dir = fileURLToPath(new URL(`${up}main/team/migrations`, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return here;
}

/** The migrations' "Up" SQL, in order, for the DBA to read. */
export function migrationSql(): { name: string; up: string }[] {
  const dir = migrationsDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      const up = text.split(/^-- Down Migration$/m)[0] ?? text;
      return { name, up: up.trim() };
    });
}

export interface TeamServerInfo {
  schemaVersion: number;
  writersFrom: number;
  /** The team policy on photo bytes. */
  publishPhotos: boolean;
  /** The branch and desk the connected role publishes as (absent for support and auditors). */
  branch?: string;
  desk?: string;
  /** The connected role is a member of faceid_support / faceid_auditor (read every branch). */
  support: boolean;
  auditor: boolean;
}

/** Reads the server's schema version and policy; throws TeamError when this console must not write. */
export async function checkTeamSchema(client: ClientBase, known = TEAM_SCHEMA_VERSION): Promise<TeamServerInfo> {
  const exists = await client.query<{ ok: boolean }>("SELECT to_regclass('faceid_team.meta') IS NOT NULL AS ok");
  if (!exists.rows[0]?.ok) throw new TeamError('TEAM_SCHEMA_MISSING');
  const meta = await client.query<{ key: string; value: number }>('SELECT key, value FROM faceid_team.meta');
  const value = (k: string) => meta.rows.find((r) => r.key === k)?.value;
  const schemaVersion = value('schema_version') ?? 0;
  const writersFrom = value('writers_from') ?? schemaVersion;
  if (writersFrom > known) throw new TeamError('TEAM_SCHEMA_NEWER', { server: schemaVersion, known });
  if (schemaVersion < known) throw new TeamError('TEAM_SCHEMA_OLDER', { server: schemaVersion, known });
  return { schemaVersion, writersFrom, publishPhotos: value('publish_photos') === 1, ...(await teamLoginOf(client)) };
}

/**
 * Where the connected role publishes (its row in faceid_team.desks, if the DBA mapped it) and
 * whether it reads as support or auditor. Cheap: the publisher asks again while a login is read-only.
 */
export async function teamLoginOf(client: ClientBase): Promise<Pick<TeamServerInfo, 'branch' | 'desk' | 'support' | 'auditor'>> {
  // The same identity the row-level policies use (current_user); the groups exist since schema 1.
  const me = await client.query<{ branch: string | null; desk: string | null; support: boolean; auditor: boolean }>(
    `SELECT faceid_team.my_branch() AS branch, faceid_team.my_desk() AS desk,
            pg_has_role(current_user, 'faceid_support', 'MEMBER') AS support,
            pg_has_role(current_user, 'faceid_auditor', 'MEMBER') AS auditor`,
  );
  const row = me.rows[0];
  return {
    branch: row?.branch ?? undefined,
    desk: row?.desk ?? undefined,
    support: row?.support === true,
    auditor: row?.auditor === true,
  };
}
