/**
 * The LAN address choice: the embedded sandbox also serves on one of this machine's LAN
 * addresses, the token's link carries it, and switching back leaves loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { lanAddresses } from '../../main/services/lan-ops';

const lan = lanAddresses()[0];
if (!lan) console.warn('sandbox-lan: this machine has no non-internal IPv4 address; the tests that serve on one are skipped');

describe('the embedded sandbox on a LAN address', () => {
  let dir: string;
  let app: ConsoleApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-lan-'));
    app = await startConsoleApp({ dataDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = async (bizNo: string) => {
    const r = await app.handlers.issueToken({
      callId: `lan-${bizNo}`,
      profileId: 'sandbox',
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: bizNo,
        comparison_type: '-1',
        uuid: `customer-${bizNo}`,
      },
      photos: {},
    });
    if (!r.ok || r.value.outcome !== 'issued') throw new Error(JSON.stringify(r));
    return r.value;
  };

  it('starts on loopback only and lists the machine’s non-internal IPv4 addresses', async () => {
    const r = await app.handlers.getSandboxLan({});
    expect(r).toMatchObject({ ok: true, value: { baseUrl: app.sandbox.baseUrl, address: null, lanBaseUrl: null } });
    if (!r.ok) return;
    expect(r.value.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
    for (const a of r.value.addresses) {
      expect(a.address).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
      expect(a.address.startsWith('127.')).toBe(false);
    }
    expect((await issue('lan-0')).livenessUrl.startsWith(`${app.sandbox.baseUrl}/`)).toBe(true);
  });

  it('refuses an address this computer does not have, naming the field, and stays on loopback', async () => {
    for (const address of ['0.0.0.0', '203.0.113.9', '127.0.0.1', 'not an address']) {
      expect(await app.handlers.setSandboxLan({ address })).toMatchObject({
        ok: false,
        error: { code: 'LAN_ADDRESS_UNKNOWN', field: 'address' },
      });
    }
    expect(await app.handlers.getSandboxLan({})).toMatchObject({ ok: true, value: { address: null, lanBaseUrl: null } });
  });

  it.skipIf(!lan)(
    'serves on the chosen address: the token link carries it and the sandbox answers there; switching back closes it',
    async () => {
      const address = lan?.address ?? '';
      const on = await app.handlers.setSandboxLan({ address });
      if (!on.ok) throw new Error(on.error.message);
      expect(on.value).toMatchObject({ address, lanBaseUrl: `http://${address}:${app.sandbox.port}` });
      const lanBase = on.value.lanBaseUrl ?? '';

      const issued = await issue('lan-1');
      expect(issued.livenessUrl).toBe(`${lanBase}/faceid/lite/do?token=${issued.token}`);
      // The customer's phone opens the page on the LAN address; the console still calls loopback.
      const page = await fetch(issued.livenessUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(issued.token);
      const viaLan = new FormData();
      for (const [k, v] of Object.entries({
        api_key: app.sandbox.apiKey,
        api_secret: app.sandbox.apiSecret,
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: 'lan-2',
        comparison_type: '-1',
        uuid: 'c',
      }))
        viaLan.append(k, v);
      expect((await fetch(`${lanBase}/faceid/lite/get_token`, { method: 'POST', body: viaLan })).status).toBe(200);
      const profiles = await app.handlers.listProfiles({});
      expect(profiles.ok && profiles.value.find((p) => p.id === 'sandbox')?.baseUrl).toBe(app.sandbox.baseUrl);

      const off = await app.handlers.setSandboxLan({ address: null });
      expect(off).toMatchObject({ ok: true, value: { address: null, lanBaseUrl: null } });
      await expect(fetch(`${lanBase}/faceid/lite/do?token=${issued.token}`)).rejects.toThrow();
      // The token issued while on the LAN is still served on loopback.
      expect((await fetch(`${app.sandbox.baseUrl}/faceid/lite/do?token=${issued.token}`)).status).toBe(200);
      expect((await issue('lan-3')).livenessUrl.startsWith(`${app.sandbox.baseUrl}/`)).toBe(true);
    },
  );

  it.skipIf(!lan)('is chosen for this launch only: a restarted console serves on loopback again', async () => {
    const second = await startConsoleApp({ dataDir: dir });
    try {
      expect(await second.handlers.setSandboxLan({ address: lan?.address ?? '' })).toMatchObject({ ok: true });
    } finally {
      await second.close();
    }
    const third = await startConsoleApp({ dataDir: dir });
    try {
      expect(await third.handlers.getSandboxLan({})).toMatchObject({ ok: true, value: { address: null, lanBaseUrl: null } });
    } finally {
      await third.close();
    }
  });
});
