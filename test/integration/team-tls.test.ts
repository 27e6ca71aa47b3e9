import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/history/store';
import { migrateTeam } from '../../main/team/migrate';
import { TeamPublisher } from '../../main/team/publisher';
import { clientConfig, type TeamSettings } from '../../main/team/settings';
import { redactorOf } from '../../main/vault/redact';
import { syntheticEnd, syntheticStart } from '../support/history-rows';
import { pgOrSkip, startCluster, type PgCluster } from '../support/pg-cluster';

const run = pgOrSkip();

/** A private CA and a server certificate for 127.0.0.1 only, written into `dir`. */
function certificates(dir: string): void {
  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Bank test CA']);
  ssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  execFileSync('sh', ['-c', 'printf "subjectAltName=IP:127.0.0.1\\n" > san.ext'], { cwd: dir });
  ssl([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  ]);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    for (const f of ['server.key', 'server.crt']) chownSync(join(dir, f), uid, -1);
  }
  execFileSync('chmod', ['600', join(dir, 'server.key')]);
}

describe.runIf(run)('the team connection over TLS', () => {
  let cluster: PgCluster;
  let certDir: string;
  let dir: string;
  beforeAll(async () => {
    cluster = await startCluster({
      prepare: (d) => {
        certificates(d);
        certDir = d;
        return `-c ssl=on -c ssl_cert_file=${d}/server.crt -c ssl_key_file=${d}/server.key`;
      },
    });
    await cluster.createDatabase('faceid');
    const owner = await cluster.admin('faceid');
    await migrateTeam(owner);
    await owner.query("CREATE ROLE desk_tls LOGIN PASSWORD 'tls-pw' IN ROLE faceid_desk");
    await owner.query("INSERT INTO faceid_team.desks VALUES ('desk_tls', 'JKT', 'tls-desk')");
    await owner.end();
    dir = mkdtempSync(join(tmpdir(), 'faceid-team-tls-'));
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let n = 0;
  async function publish(settings: Partial<TeamSettings>): Promise<unknown> {
    const store = HistoryStore.open(join(dir, `tls-${++n}.sqlite3`), { redact: redactorOf(() => []) });
    store.begin(syntheticStart(n, Date.now()));
    store.complete(syntheticStart(n, Date.now()).callId, syntheticEnd(n, Date.now()));
    const full: TeamSettings = {
      enabled: true,
      host: '127.0.0.1',
      port: cluster.port,
      database: 'faceid',
      user: 'desk_tls',
      tlsMode: 'verify-full',
      ...settings,
    };
    const pub = new TeamPublisher({
      outbox: store.outbox,
      connection: async () => clientConfig(full, 'tls-pw'),
      redact: redactorOf(() => []),
      keepPhotos: () => false,
    });
    try {
      await pub.drain();
      return 'published';
    } catch (e) {
      return e;
    } finally {
      await pub.stop();
      store.close();
    }
  }

  it('refuses a server whose certificate the bank CA did not sign (verify-full without the CA)', async () => {
    expect(await publish({})).toMatchObject({ code: 'TEAM_TLS_FAILED' });
  });

  it('publishes with the bank CA, and refuses the same certificate under a name it does not carry', async () => {
    const ca = readFileSync(join(certDir, 'ca.crt'), 'utf8');
    expect(await publish({ caPem: ca })).toBe('published');
    expect(await publish({ caPem: ca, host: 'localhost' })).toMatchObject({ code: 'TEAM_TLS_FAILED' });
  });
});
