/**
 * A private PostgreSQL cluster for the team tests: Debian's server binaries, a temp folder owned by
 * the postgres user (root may not run initdb), a free loopback port, torn down afterwards. Where
 * the binaries are absent the tests skip with a printed reason; under CI=true they fail instead.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

/** FACEID_PG_BIN, or the newest of Debian's installed server versions (15 on bookworm). */
function serverBin(): string {
  if (process.env.FACEID_PG_BIN) return process.env.FACEID_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return join(root, newest ?? '15', 'bin');
}
const BIN = serverBin();

/** Why the team tests cannot run here, or undefined when they can. */
export function pgUnavailable(): string | undefined {
  if (!existsSync(join(BIN, 'initdb')))
    return `PostgreSQL server binaries not found in ${BIN} (apt-get install postgresql, or set FACEID_PG_BIN)`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run initdb as';
    }
  }
  return undefined;
}

/** Skip (printing why) or, in CI, fail when PostgreSQL is missing. */
export function pgOrSkip(): boolean {
  const why = pgUnavailable();
  if (!why) return true;
  if (process.env.CI === 'true') throw new Error(`The team tests must run in CI, but ${why}.`);
  console.warn(`team tests skipped: ${why}`);
  return false;
}

export interface PgCluster {
  port: number;
  superuser: string;
  password: string;
  dir: string;
  config(user?: string, password?: string, database?: string): pg.ClientConfig;
  admin(database?: string): Promise<pg.Client>;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Starts a fresh cluster (superuser with a password, scram over TCP on 127.0.0.1); `prepare` may add server options. */
export async function startCluster(options: { prepare?: (dir: string) => string } = {}): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const password = randomBytes(12).toString('hex');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', pwfile]);
  const data = join(dir, 'data');
  asPostgres(join(BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  rmSync(pwfile);
  const port = await freePort();
  // A test may put files (certificates) in the folder and add server options for them.
  const extra = options.prepare?.(dir) ?? '';
  const opts = `${extra} -p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB -c maintenance_work_mem=256MB`;
  asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const config = (user = 'postgres', pw = password, database = 'postgres'): pg.ClientConfig => ({
    host: '127.0.0.1',
    port,
    user,
    password: pw,
    database,
  });
  const admin = async (database = 'postgres'): Promise<pg.Client> => {
    const c = new pg.Client(config('postgres', password, database));
    await c.connect();
    return c;
  };
  return {
    port,
    superuser: 'postgres',
    password,
    dir,
    config,
    admin,
    async createDatabase(name) {
      const c = await admin();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
    },
    async stop() {
      try {
        asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
