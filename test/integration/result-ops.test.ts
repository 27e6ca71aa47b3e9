import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../core/history';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { SANDBOX_DEFAULT_KEY, SANDBOX_DEFAULT_SECRET } from '../../main/sandbox/defaults';

/** Plays the customer: opens the liveness page, then submits a one-click outcome. */
async function finishFlow(livenessUrl: string, preset: string): Promise<void> {
  expect((await fetch(livenessUrl)).status).toBe(200);
  const r = await fetch(livenessUrl, { method: 'POST', body: new URLSearchParams({ preset }), redirect: 'manual' });
  expect(r.status).toBeLessThan(400);
}

async function waitFor<T>(read: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('results in the console', () => {
  let dir: string;
  let app: ConsoleApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-results-'));
    app = await startConsoleApp({ dataDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = async (bizNo: string) => {
    const r = await app.handlers.issueToken({
      callId: `results-${bizNo}`,
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
    if (!r.ok || r.value.outcome !== 'issued' || r.value.historyId === undefined) throw new Error(JSON.stringify(r));
    return r.value;
  };
  const row = async (id: number): Promise<HistoryRow> => {
    const r = await app.handlers.getHistoryRow({ id });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('stores the result once when the sandbox reports the flow ended, then counts each fetch up to three', async () => {
    const issued = await issue('results-1');
    expect(issued.livenessUrl).toBe(`${app.sandbox.baseUrl}/faceid/lite/do?token=${issued.token}`);
    const id = issued.historyId ?? 0;
    await finishFlow(issued.livenessUrl, 'passed');
    const stored = await waitFor(async () => (await row(id)).result);
    expect(stored).toMatchObject({
      status: 'OK',
      fetches: 1,
      data: { liveness_result: { result: 'PASS' }, biz_info: { biz_no: 'results-1' } },
    });
    expect((await app.handlers.queryHistory({ filter: { text: 'results-1' }, limit: 5 })).ok).toBe(true);

    expect(await app.handlers.fetchResult({ historyId: id })).toMatchObject({ ok: true, value: { result: { fetches: 2 } } });
    expect(await app.handlers.fetchResult({ historyId: id })).toMatchObject({ ok: true, value: { result: { fetches: 3 } } });
    const fourth = await app.handlers.fetchResult({ historyId: id });
    expect(fourth).toMatchObject({ ok: false, error: { code: 'RESULT_FETCH_LIMIT' } });
    expect((await row(id)).result?.data).toMatchObject({ status: 'OK' });
  });

  it('does not spend a fetch on a flow that has not ended', async () => {
    const issued = await issue('results-2');
    const r = await app.handlers.fetchResult({ historyId: issued.historyId ?? 0 });
    expect(r).toMatchObject({ ok: true, value: { result: { status: 'NOT_STARTED', fetches: 0 } } });
  });

  it('refuses to fetch for a failed call', async () => {
    const r = await app.handlers.issueToken({
      callId: 'results-bad',
      profileId: 'sandbox',
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: 'results-3',
        comparison_type: '-1',
        uuid: 'customer-3',
        scene_id: 'nope',
      },
      photos: {},
    });
    const id = r.ok && r.value.outcome === 'failed' ? (r.value.historyId ?? 0) : 0;
    expect(await app.handlers.fetchResult({ historyId: id })).toMatchObject({ ok: false, error: { code: 'NOT_ISSUED' } });
  });

  it('verifies a callback signature with the profile secret, and rejects a one-byte change', async () => {
    const issued = await issue('results-4');
    await finishFlow(issued.livenessUrl, 'liveness-failed');
    const entry = await waitFor(async () =>
      (await app.sandbox.snapshot(500)).callbacks.find((c) => c.kind === 'notify' && c.data.includes('results-4')),
    );
    const good = await app.handlers.verifyCallback({ profileId: 'sandbox', data: entry.data, sign: entry.sign });
    expect(good).toMatchObject({ ok: true, value: { valid: true, decoded: { status: 'OK', liveness_result: { result: 'FAIL' } } } });
    const tampered = await app.handlers.verifyCallback({
      profileId: 'sandbox',
      data: entry.data.replace('FAIL', 'PASS'),
      sign: entry.sign,
    });
    expect(tampered).toMatchObject({ ok: true, value: { valid: false } });
    const badSign = await app.handlers.verifyCallback({
      profileId: 'sandbox',
      data: entry.data,
      sign: `${entry.sign.slice(0, -1)}${entry.sign.endsWith('0') ? '1' : '0'}`,
    });
    expect(badSign).toMatchObject({ ok: true, value: { valid: false } });
    expect(JSON.stringify(good)).not.toContain(app.sandbox.apiSecret);
  });

  it('sets and clears sandbox faults from the console', async () => {
    const set = await app.handlers.setSandboxFaults({ plan: { mode: 'proxy-502', remaining: 1 } });
    expect(set).toMatchObject({ ok: true, value: { faults: { mode: 'proxy-502' } } });
    const r = await app.handlers.issueToken({
      callId: 'results-fault',
      profileId: 'sandbox',
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: 'results-5',
        comparison_type: '-1',
        uuid: 'customer-5',
      },
      photos: {},
    });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'unknown', error: { code: 'UNEXPECTED_RESPONSE' } } });
    const unknownRow = await app.handlers.queryHistory({ filter: { text: 'results-5' }, limit: 5 });
    expect(unknownRow.ok && unknownRow.value.rows[0]?.status).toBe('unknown');
    const cleared = await app.handlers.setSandboxFaults({ plan: null });
    expect(cleared).toMatchObject({ ok: true, value: { faults: null } });
  });

  it("keeps an operator's fault for the operator's next call: the console's own fetch after a flow ends does not use it up", async () => {
    const issued = await issue('results-6');
    const set = await app.handlers.setSandboxFaults({ plan: { mode: 'proxy-502', remaining: 1 } });
    expect(set).toMatchObject({ ok: true, value: { faults: { mode: 'proxy-502', remaining: 1 } } });
    await finishFlow(issued.livenessUrl, 'passed');
    // The automatic get_result went through untouched: the result is stored…
    const stored = await waitFor(async () => (await row(issued.historyId ?? 0)).result);
    expect(stored).toMatchObject({ status: 'OK', fetches: 1 });
    // …and the plan is still there for the operator's next call, which it hits.
    expect(await app.handlers.getSandboxState({})).toMatchObject({ ok: true, value: { faults: { mode: 'proxy-502', remaining: 1 } } });
    const r = await app.handlers.fetchResult({ historyId: issued.historyId ?? 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_RESPONSE' } });
    expect(await app.handlers.getSandboxState({})).toMatchObject({ ok: true, value: { faults: null } });
  });

  it('applies a plan naming get_result to the next fetch only, not to get_token', async () => {
    const issued = await issue('results-7');
    await app.handlers.setSandboxFaults({ plan: { mode: 'concurrency', operation: 'get_result' } });
    const other = await issue('results-8');
    expect(other.outcome).toBe('issued');
    const r = await app.handlers.fetchResult({ historyId: issued.historyId ?? 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONCURRENCY_LIMIT_EXCEEDED' } });
    expect(await app.handlers.getSandboxState({})).toMatchObject({ ok: true, value: { faults: null } });
  });

  it('refuses a fault plan outside the bounds, naming the field', async () => {
    expect(await app.handlers.setSandboxFaults({ plan: { latencyMs: 30_001 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'plan.latencyMs' },
    });
    expect(await app.handlers.setSandboxFaults({ plan: { operation: 'do' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'plan.operation' },
    });
    expect(await app.handlers.setSandboxFaults({ plan: { remaining: 1001 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'plan.remaining' },
    });
  });

  it('gives the embedded sandbox credentials of its own, which the built-in profile uses', async () => {
    expect(app.sandbox.apiKey).not.toBe(SANDBOX_DEFAULT_KEY);
    expect(app.sandbox.apiSecret).not.toBe(SANDBOX_DEFAULT_SECRET);
    expect(app.sandbox.apiSecret.length).toBeGreaterThanOrEqual(32);
    const profiles = await app.handlers.listProfiles({});
    expect(profiles.ok && profiles.value.find((p) => p.id === 'sandbox')).toMatchObject({
      keyHint: expect.stringContaining(app.sandbox.apiKey.slice(-4)),
      hasSecret: true,
    });
    // The public defaults no longer open the embedded sandbox.
    const body = new FormData();
    for (const [k, v] of Object.entries({
      api_key: SANDBOX_DEFAULT_KEY,
      api_secret: SANDBOX_DEFAULT_SECRET,
      return_url: 'https://r.example/',
      notify_url: 'https://n.example/',
      biz_no: 'x',
      comparison_type: '-1',
      uuid: 'x',
    }))
      body.append(k, v);
    const r = await fetch(`${app.sandbox.baseUrl}/faceid/lite/get_token`, { method: 'POST', body });
    expect(r.status).toBe(403);
    // The seed sends this code under `error`, not `error_message`.
    expect(await r.json()).toMatchObject({ error: 'AUTHENTICATION_ERROR' });
    // The renderer sees neither the new secret nor, in the sandbox panel, any credential.
    const seen = JSON.stringify([
      profiles,
      await app.handlers.getVaultStatus({}),
      await app.handlers.getSandboxState({}),
      await app.handlers.queryHistory({ filter: {}, limit: 50 }),
    ]);
    expect(seen).toContain('results-1');
    expect(seen).not.toContain(app.sandbox.apiSecret);
    // Each launch draws new ones.
    const second = await startConsoleApp({ dataDir: mkdtempSync(join(tmpdir(), 'faceid-results-2-')) });
    try {
      expect(second.sandbox.apiKey).not.toBe(app.sandbox.apiKey);
      expect(second.sandbox.apiSecret).not.toBe(app.sandbox.apiSecret);
    } finally {
      await second.close();
      rmSync(second.dataDir, { recursive: true, force: true });
    }
  });
});
