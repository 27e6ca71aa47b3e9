import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const CANARY = 'CANARY-9e4b1f2a-secret';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the secret never leaks (canary)', () => {
  let dir: string;
  let app: ConsoleApp;
  let service: Sandbox;
  const logs: string[] = [];
  const payloads: unknown[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-canary-'));
    service = await createSandbox({ apiKey: 'canary-key-0001', apiSecret: CANARY });
    app = await startConsoleApp({ dataDir: dir, log: (l) => logs.push(l) });
  });
  afterAll(async () => {
    await app.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appears in no renderer-visible payload, no log line and no file but as ciphertext', async () => {
    const h = app.handlers;
    const seen = <T>(r: T): T => {
      payloads.push(r);
      return r;
    };
    const created = seen(
      await h.createProfile({
        profile: { name: 'Prod canary', color: '#c53030', environment: 'production', region: 'custom', baseUrl: service.baseUrl, apiKey: 'canary-key-0001', secret: CANARY, defaults: {} },
      }),
    );
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const base = { return_url: 'https://bank.example/r', notify_url: 'https://bank.example/n', comparison_type: '-1', uuid: 'customer-1' };
    const issued = seen(await h.issueToken({ callId: 'canary-call-1', profileId: id, params: { ...base, biz_no: 'canary-1', biz_extra_data: `pasted ${CANARY} by mistake` }, photos: {} }));
    expect(issued).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    const failed = seen(await h.issueToken({ callId: 'canary-call-2', profileId: id, params: { ...base, biz_no: 'canary-2', scene_id: 'nope' }, photos: {} }));
    expect(failed).toMatchObject({ ok: true, value: { outcome: 'failed' } });

    seen(await h.listProfiles({}));
    seen(await h.getVaultStatus({}));
    seen(await h.testConnection({ profileId: id }));
    seen(await h.exportProfiles({}));
    const page = seen(await h.queryHistory({ filter: {}, limit: 50 }));
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.total).toBe(2);
    for (const row of page.value.rows) {
      seen(await h.getHistoryRow({ id: row.id }));
      const curl = seen(await h.historyCurl({ id: row.id }));
      expect(curl.ok && curl.value.command).toContain('$FACEID_API_SECRET');
    }
    seen(await h.exportHistory({ filter: {}, format: 'csv' }));
    seen(await h.exportHistory({ filter: {}, format: 'json' }));

    const visible = JSON.stringify(payloads);
    expect(visible).toContain('canary-1');
    expect(visible).not.toContain(CANARY);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(CANARY);

    for (const file of filesUnder(dir)) {
      expect(readFileSync(file).includes(Buffer.from(CANARY)), file).toBe(false);
    }
    const stored = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8'));
    expect(stored.profiles[0].secret).toMatchObject({ cipher: 'aes-256-gcm', data: expect.stringMatching(/^v1\./) });
  });
});
