import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileInputSchema, type ProfileInput } from '../../core/api';
import { decidePersistence, safeStorageProtection, type Protection, type SecretCipher } from '../../main/vault/cipher';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { SCHEMA_VERSION } from '../../main/vault/schema';
import { exportProfiles, parseProfileExport } from '../../main/vault/transfer';
import { Vault } from '../../main/vault/vault';

const SANDBOX = { baseUrl: 'http://127.0.0.1:1', apiKey: 'sandbox-key', apiSecret: 'sandbox-secret' };
const CANARY = 'CANARY-secret-7f3a9c1e';

const staging: ProfileInput = {
  name: 'Staging',
  color: '#3182ce',
  environment: 'test',
  region: 'idn',
  apiKey: 'stage-key-1234',
  secret: CANARY,
  defaults: { return_url: 'https://bank.example/return', language: '2' },
};

/** The key-file cipher reporting another protection level, to exercise the basic_text rule. */
function withProtection(cipher: SecretCipher, protection: Protection): SecretCipher {
  return { ...cipher, protection: async () => protection };
}

describe('vault', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-vault-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (cipher: SecretCipher = keyFileCipher(dir)) => Vault.open({ dataDir: dir, cipher, sandbox: SANDBOX });

  it('has the undeletable sandbox profile on first launch, active', async () => {
    const vault = await open();
    const [first, ...rest] = await vault.list();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ id: 'sandbox', builtIn: true, environment: 'sandbox', baseUrl: SANDBOX.baseUrl, hasSecret: true });
    expect(vault.activeProfileId()).toBe('sandbox');
    expect(() => vault.remove('sandbox')).toThrow(/cannot be deleted/);
  });

  it('creates, edits, duplicates, activates and deletes profiles, persisting them', async () => {
    const vault = await open();
    const created = await vault.create(staging);
    expect(created).toMatchObject({
      name: 'Staging',
      region: 'idn',
      baseUrl: 'https://api-idn.megvii.com',
      keyHint: '…1234',
      secretStorage: 'encrypted',
    });
    const edited = await vault.update(created.id, { ...staging, name: 'Staging SG', region: 'sgp', secret: undefined });
    expect(edited).toMatchObject({ name: 'Staging SG', baseUrl: 'https://api-sgp.megvii.com', hasSecret: true });
    expect((await vault.resolve(created.id))?.apiSecret).toBe(CANARY);
    const copy = await vault.duplicate(created.id);
    expect(copy).toMatchObject({ name: 'Staging SG (copy)', hasSecret: false });
    vault.setActive(copy.id);

    const reopened = await open();
    expect((await reopened.list()).map((p) => p.name)).toEqual(['Sandbox (built-in)', 'Staging SG', 'Staging SG (copy)']);
    expect(reopened.activeProfileId()).toBe(copy.id);
    expect((await reopened.resolve(created.id))?.apiSecret).toBe(CANARY);
    reopened.remove(copy.id);
    expect(reopened.activeProfileId()).toBe('sandbox');
    expect((await reopened.list()).map((p) => p.name)).toEqual(['Sandbox (built-in)', 'Staging SG']);
  });

  it('refuses a duplicate name and a plain-HTTP custom address, naming the field', async () => {
    const vault = await open();
    await vault.create(staging);
    await expect(vault.create(staging)).rejects.toMatchObject({ field: 'name' });
    await expect(vault.create({ ...staging, name: 'Other', region: 'custom', baseUrl: 'http://api.example.com' })).rejects.toMatchObject({
      field: 'baseUrl',
      message: expect.stringMatching(/HTTPS/),
    });
    const local = await vault.create({ ...staging, name: 'Local', region: 'custom', baseUrl: 'http://127.0.0.1:7300/' });
    expect(local.baseUrl).toBe('http://127.0.0.1:7300');
  });

  it('names a duplicate under the same rule saving uses: "Prod" beside "prod (copy)" becomes "Prod (copy 2)", which saves again', async () => {
    const vault = await open();
    const prod = await vault.create({ ...staging, name: 'Prod' });
    await vault.create({ ...staging, name: 'prod (copy)' });
    const copy = await vault.duplicate(prod.id);
    expect(copy.name).toBe('Prod (copy 2)');
    // The copy is saved with its own name unchanged: the rule that named it accepts it.
    await expect(vault.update(copy.id, { ...staging, name: copy.name, secret: undefined })).resolves.toMatchObject({
      name: 'Prod (copy 2)',
    });
    await expect(vault.create({ ...staging, name: ' PROD (COPY 2) ' })).rejects.toMatchObject({ code: 'INVALID_PROFILE', field: 'name' });
    await expect(vault.create({ ...staging, name: 'sandbox (BUILT-IN)' })).rejects.toMatchObject({ field: 'name' });
  });

  it('keeps a duplicate of a 60-character name within the limit, never splitting an emoji, so it can be saved', async () => {
    const vault = await open();
    const long = await vault.create({ ...staging, name: `${'x'.repeat(52)}😀${'y'.repeat(6)}` });
    const first = await vault.duplicate(long.id);
    const second = await vault.duplicate(long.id);
    expect(first.name).toBe(`${'x'.repeat(52)} (copy)`);
    expect(second.name).toBe(`${'x'.repeat(51)} (copy 2)`);
    for (const p of [first, second]) {
      expect(p.name.length).toBeLessThanOrEqual(60);
      expect(ProfileInputSchema.shape.name.safeParse(p.name).success).toBe(true);
    }
  });

  it('never stores the secret in clear: only AES-GCM ciphertext, in 0600 files', async () => {
    const vault = await open();
    await vault.create(staging);
    for (const f of readdirSync(dir)) {
      expect(readFileSync(join(dir, f), 'utf8')).not.toContain(CANARY);
      if (process.platform !== 'win32') expect(statSync(join(dir, f)).mode & 0o077).toBe(0);
    }
    expect(JSON.stringify(await vault.list())).not.toContain(CANARY);
  });

  it('keeps a secret for the session only where nothing protects it, unless the risk is accepted', async () => {
    const none = safeStorageProtection('linux', 'basic_text');
    expect(none.level).toBe('none');
    expect(decidePersistence(none, false)).toBe('session-only');
    expect(decidePersistence(none, true)).toBe('persist-unprotected');
    expect(decidePersistence(safeStorageProtection('linux', 'gnome_libsecret'), false)).toBe('persist');
    expect(safeStorageProtection('linux', 'unknown').level).toBe('none');
    expect(safeStorageProtection('darwin', undefined).level).toBe('os');

    const cipher = withProtection(keyFileCipher(dir), none);
    const vault = await open(cipher);
    const p = await vault.create(staging);
    expect(p.secretStorage).toBe('session-only');
    expect((await vault.resolve(p.id))?.apiSecret).toBe(CANARY);
    expect(readFileSync(vault.path, 'utf8')).not.toContain('"data"');
    const later = await open(cipher);
    expect((await later.list())[1]).toMatchObject({ hasSecret: false, secretStorage: 'none' });

    const accepted = await later.update(p.id, { ...staging, acceptUnprotectedSecret: true });
    expect(accepted.secretStorage).toBe('unprotected');
    expect((await (await open(cipher)).resolve(p.id))?.apiSecret).toBe(CANARY);
  });

  it('refuses a tampered ciphertext instead of returning garbage', async () => {
    const cipher = keyFileCipher(dir);
    const sealed = await cipher.encrypt(CANARY);
    expect(await cipher.decrypt(sealed)).toBe(CANARY);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], body.toString('base64')].join('.');
    await expect(cipher.decrypt(tampered)).rejects.toThrow(/altered/);
    const otherKeyDir = mkdtempSync(join(tmpdir(), 'faceid-vault-other-'));
    await expect(keyFileCipher(otherKeyDir).decrypt(sealed)).rejects.toThrow(/another key/);
    rmSync(otherKeyDir, { recursive: true, force: true });
  });

  it('migrates a profile file of schema version 1', async () => {
    const cipher = keyFileCipher(dir);
    const v1 = {
      activeProfileId: 'p1',
      profiles: [
        {
          id: 'p1',
          name: 'Prod ID',
          environment: 'production',
          baseUrl: 'https://api-idn.megvii.com',
          apiKey: 'prod-key-9999',
          apiSecretEncrypted: await cipher.encrypt(CANARY),
          defaults: {},
        },
        { id: 'p2', name: 'Local', environment: 'test', baseUrl: 'http://127.0.0.1:7300', apiKey: 'k', defaults: { language: '1' } },
      ],
    };
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(v1));
    const vault = await open(cipher);
    const [, prod, local] = await vault.list();
    expect(prod).toMatchObject({
      region: 'idn',
      environment: 'production',
      confirmProduction: true,
      color: '#c53030',
      secretStorage: 'encrypted',
    });
    expect(local).toMatchObject({ region: 'custom', baseUrl: 'http://127.0.0.1:7300', hasSecret: false, defaults: { language: '1' } });
    expect((await vault.resolve('p1'))?.apiSecret).toBe(CANARY);
    expect(vault.activeProfileId()).toBe('p1');
    expect(JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('refuses a damaged or newer profile file without overwriting it', async () => {
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ schemaVersion: 99, profiles: [] }));
    await expect(open()).rejects.toThrow(/newer FaceID Console/);
    writeFileSync(
      join(dir, 'profiles.json'),
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        profiles: [{ id: 'x' }],
        activeProfileId: 'x',
        sandbox: { color: '#000000', defaults: {} },
      }),
    );
    await expect(open()).rejects.toThrow(/damaged at profiles\.0\.name/);
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toContain('"id":"x"');
  });

  it('exports without secrets and imports the same profiles back', async () => {
    const vault = await open();
    const desk = { matchLevel: '1e-5' as const, pollResults: true, branch: 'KCP Thamrin' };
    const created = await vault.create({ ...staging, environment: 'production', confirmProduction: true, desk });
    expect(created.desk).toEqual(desk);
    const json = exportProfiles(vault.exportable(), new Date('2026-11-29T00:00:00Z'));
    expect(json).not.toContain(CANARY);
    expect(json).not.toMatch(/secret/i);
    const [back] = parseProfileExport(json);
    expect(back).toMatchObject({
      name: 'Staging',
      environment: 'production',
      confirmProduction: true,
      apiKey: 'stage-key-1234',
      defaults: staging.defaults,
      desk,
    });
    expect(back?.secret).toBeUndefined();
  });

  it('explains exactly what is wrong with a bad import file', () => {
    expect(() => parseProfileExport('{"format": ')).toThrow(/not JSON/);
    expect(() => parseProfileExport('[]')).toThrow(/not a FaceID Console profile export/);
    const base = { format: 'faceid-console-profiles', version: 1, exportedAt: 'x' };
    const bad = {
      ...base,
      profiles: [{ name: 'A', color: 'red', environment: 'test', region: 'idn', apiKey: 'k', confirmProduction: false, defaults: {} }],
    };
    expect(() => parseProfileExport(JSON.stringify(bad))).toThrow(/profile 1, field color/);
    const withSecret = {
      ...base,
      profiles: [
        {
          name: 'A',
          color: '#000000',
          environment: 'test',
          region: 'idn',
          apiKey: 'k',
          confirmProduction: false,
          defaults: {},
          apiSecret: 's',
        },
      ],
    };
    expect(() => parseProfileExport(JSON.stringify(withSecret))).toThrow(/never carry secrets/);
    const badDefault = {
      ...base,
      profiles: [
        {
          name: 'A',
          color: '#000000',
          environment: 'test',
          region: 'idn',
          apiKey: 'k',
          confirmProduction: false,
          defaults: { api_secret: 'x' },
        },
      ],
    };
    expect(() => parseProfileExport(JSON.stringify(badDefault))).toThrow(/defaults/);
  });
});
