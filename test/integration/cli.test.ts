import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp } from '../../main/app/console-app';
import { HistoryStore } from '../../main/history/store';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { redactorOf } from '../../main/vault/redact';

// The CLI is run as a process, as a script would run it, against a standalone sandbox.
const SECRET = 'cli-canary-secret-7f3a9c';
const ENV_SECRET = 'cli-env-secret-19bd44';
const CLI = join(__dirname, '../../main/cli/main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, FACEID_API_SECRET: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('faceid-console CLI', () => {
  let dir: string;
  let sandbox: Sandbox;
  let base: string[];
  const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-cli-'));
    sandbox = await createSandbox({ apiKey: 'cli-key', apiSecret: SECRET });
    const app = await startConsoleApp({ dataDir: dir });
    const defaults = {
      return_url: 'https://bank.example/r',
      notify_url: 'https://bank.example/n',
      comparison_type: '-1',
      uuid: 'cust-cli-1',
    };
    const profile = {
      color: '#805ad5',
      environment: 'test' as const,
      region: 'custom' as const,
      baseUrl: sandbox.baseUrl,
      apiKey: 'cli-key',
      defaults,
    };
    const made = await app.handlers.createProfile({ profile: { ...profile, name: 'Branch test', secret: SECRET } });
    const bare = await app.handlers.createProfile({ profile: { ...profile, name: 'No secret' } });
    if (!made.ok || !bare.ok) throw new Error('profiles not created');
    await app.handlers.setActiveProfile({ profileId: made.value.id });
    await app.close();
    base = ['--data-dir', dir];
  }, 30_000);

  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => {
    const store = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => []) });
    try {
      return store.query({}, Date.now(), 100).rows.map((r) => store.get(r.id));
    } finally {
      store.close();
    }
  };

  it('issues a token with the vault secret (exit 0) and the call is in the app history', async () => {
    const r = await cli(['token', ...base, '--set', 'biz_no=LOAN-88213', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ outcome: 'issued', bizNo: 'LOAN-88213' });
    expect(out.token).toMatch(/^[0-9a-f]{32}$/);
    expect(rows().find((x) => x?.id === out.historyId)).toMatchObject({
      bizNo: 'LOAN-88213',
      status: 'issued',
      profileName: 'Branch test',
    });
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  }, 30_000);

  it('exits 1 on a refusal and 3 on an unknown outcome', async () => {
    const failed = await cli(['token', ...base, '--set', 'uuid=sandbox:concurrency']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('CONCURRENCY_LIMIT_EXCEEDED');
    const unknown = await cli(['token', ...base, '--set', 'uuid=sandbox:reset']);
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toContain('unknown outcome');
  }, 30_000);

  it('exits 2 on usage errors, and takes no secret from an argument', async () => {
    const [unknownOption, secretArg, noProfile, noCommand, noText] = await Promise.all([
      cli(['token', ...base, '--frobnicate']),
      cli(['token', ...base, '--set', `api_secret=${SECRET}`]),
      cli(['token', ...base, '--profile', 'Nobody']),
      cli(['bogus']),
      cli(['history', 'search', ...base]),
    ]);
    expect(unknownOption.code).toBe(2);
    expect(secretArg.code).toBe(2);
    expect(secretArg.stderr).toContain('never from an argument');
    expect(noProfile.code).toBe(2);
    expect(noProfile.stderr).toContain('no profile "Nobody"');
    expect(noCommand.code).toBe(2);
    expect(noText.code).toBe(2);
  }, 60_000);

  it('answers --help for every command', async () => {
    const commands = [[], ['token'], ['replay'], ['result'], ['verify-callback'], ['history'], ['sandbox']];
    const runs = await Promise.all(commands.map((c) => cli([...c, '--help'])));
    runs.forEach((r, i) => {
      expect(r.code, commands[i]?.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: faceid-console/);
    });
  }, 60_000);

  it('uses FACEID_API_SECRET for a profile without a stored secret, and stores it nowhere', async () => {
    const without = await cli(['token', ...base, '--profile', 'no secret']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('NO_SECRET');
    // The standalone sandbox knows only SECRET: the env secret reaches it and is refused there.
    const wrong = await cli(['token', ...base, '--profile', 'No secret'], { FACEID_API_SECRET: ENV_SECRET });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('AUTHENTICATION_ERROR');
    const right = await cli(['token', ...base, '--profile', 'No secret', '--json'], { FACEID_API_SECRET: SECRET });
    expect(right.code).toBe(0);
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes.includes(ENV_SECRET), f).toBe(false);
      expect(bytes.includes(SECRET), f).toBe(false);
    }
  }, 30_000);

  it('replays a call by biz_no with a fresh biz_no and records the trail; keeping the biz_no warns', async () => {
    const r = await cli(['replay', 'LOAN-88213', ...base, '--set', 'uuid=cust-cli-2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.bizNo).not.toBe('LOAN-88213');
    const original = rows().find((x) => x?.bizNo === 'LOAN-88213');
    expect(rows().find((x) => x?.id === out.historyId)).toMatchObject({ clonedFrom: original?.id, uuid: 'cust-cli-2' });
    const kept = await cli(['replay', String(original?.id), ...base, '--keep-biz-no']);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain('expects each biz_no to be unique');
    expect(kept.stdout).toContain('biz_no=LOAN-88213');
  }, 30_000);

  it('finds calls by a middle fragment and exports them streamed to an owner-only file', async () => {
    const found = await cli(['history', 'search', 'an-882', ...base, '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).rows.map((x: { bizNo: string }) => x.bizNo)).toContain('LOAN-88213');
    const file = join(dir, 'export.csv');
    const exported = await cli(['history', 'export', ...base, '--out', file, '--search', 'loan-88213']);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toContain(',verdict,');
    expect(lines.slice(1).every((l) => l.includes('LOAN-88213'))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const json = await cli(['history', 'export', ...base, '--format', 'json']);
    expect(JSON.parse(json.stdout).length).toBe(rows().length);
  }, 30_000);

  it('fetches a result by biz_id and stores it in the row', async () => {
    const issued = rows().find((x) => x?.bizNo === 'LOAN-88213' && x.bizId);
    const r = await cli(['result', issued?.bizId ?? '', ...base]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Not finished yet');
    expect((await cli(['result', 'no-such-biz-id', ...base])).code).toBe(2);
  }, 30_000);

  it('checks a callback: genuine, or an untrusted claim without a verdict', async () => {
    const data = JSON.stringify({ status: 'OK', liveness_result: { result: 'PASS' }, biz_info: { biz_no: 'LOAN-88213' } });
    const good = await cli(['verify-callback', ...base, '--data', data, '--sign', sha1(SECRET + data)]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Signature valid');
    // The trusted side's verdict is a reference; the CLI words it, in English unless --lang says otherwise.
    expect(good.stdout).toMatch(/Signature valid: Genuine: signed with the secret of “.+”\./);
    const sign = sha1(SECRET + data);
    const inIndonesian = await cli(['verify-callback', ...base, '--lang', 'id', '--data', data, '--sign', sign]);
    expect(inIndonesian.stdout).toContain('Asli: ditandatangani dengan secret milik');
    const inChinese = await cli(['verify-callback', ...base, '--lang', 'zh', '--data', data, '--sign', sign]);
    expect(inChinese.stdout).toMatch(/真实：由 “.+” 的密钥签名。/);
    const unknownLang = await cli(['verify-callback', ...base, '--lang', 'fr', '--data', data, '--sign', sign]);
    expect(unknownLang.code).toBe(2);
    expect(unknownLang.stderr).toContain('--lang fr: one of en, id, zh.');
    const tampered = data.replace('LOAN', 'LOAM');
    const bad = await cli(['verify-callback', ...base, '--data', '-', '--sign', sha1(SECRET + data)], {}, tampered);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Untrusted claim');
    expect(bad.stdout).not.toMatch(/Verified|match at/);
    expect(bad.stdout).toContain('data or sign was altered, or another secret signed it');
  }, 60_000);
});
