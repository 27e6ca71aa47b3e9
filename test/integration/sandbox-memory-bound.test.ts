/**
 * The sandbox keeps a bounded number of tokens: the oldest are forgotten beyond the cap, and a
 * flow is forgotten a day after its result was destroyed, so a long-running sandbox stays small.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { livenessUrl } from '../../core/faceid/verification';
import { getToken } from '../../main/faceid/client';
import { getResult } from '../../main/faceid/get-result';
import { RESULT_RETENTION_MS, SANDBOX_MAX_FLOWS } from '../../main/sandbox/flows';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const KEY = 'cap-key';
const SECRET = 'cap-secret';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('sandbox memory bound', () => {
  let sandbox: Sandbox | undefined;
  let clock = Date.UTC(2025, 5, 1, 9, 0, 0);
  let seq = 0;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function issue(s: Sandbox): Promise<{ token: string; biz_id: string }> {
    const r = await getToken({
      baseUrl: s.baseUrl,
      apiKey: KEY,
      apiSecret: SECRET,
      params: {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        biz_no: `cap-${++seq}`,
        comparison_type: '-1',
        uuid: 'cap-customer',
      },
      photos: {},
    });
    if (r.outcome !== 'issued') throw new Error(JSON.stringify(r));
    return r;
  }
  const result = (s: Sandbox, bizId: string) => getResult({ baseUrl: s.baseUrl, apiKey: KEY, apiSecret: SECRET, bizId });

  it('documents a cap well above a support session and below what would grow without bound', () => {
    expect(SANDBOX_MAX_FLOWS).toBe(20_000);
  });

  it('forgets the oldest token beyond the cap: its page says the token is unknown and get_result RESULT_NOT_FOUND', async () => {
    const s = (sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, now: () => clock, maxFlows: 3 }));
    const issued = [];
    for (let i = 0; i < 4; i++) issued.push(await issue(s));
    expect(s.tokens.size).toBe(3);
    const [oldest, second] = issued;
    if (!oldest || !second) throw new Error('no tokens');
    expect(s.tokens.has(oldest.token)).toBe(false);
    const page = await fetch(livenessUrl(s.baseUrl, oldest.token));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('INVALID_TOKEN');
    expect(await result(s, oldest.biz_id)).toMatchObject({ outcome: 'failed', error: { code: 'RESULT_NOT_FOUND' } });
    expect(await result(s, second.biz_id)).toMatchObject({ outcome: 'ok' });
  });

  it('answers DATA_DESTROYED for a day after the retention, then forgets the flow', async () => {
    const s = (sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET, now: () => clock }));
    const old = await issue(s);
    await fetch(livenessUrl(s.baseUrl, old.token), { method: 'POST', body: new URLSearchParams({ preset: 'passed' }), redirect: 'manual' });
    clock += RESULT_RETENTION_MS + DAY_MS / 2;
    await issue(s);
    expect(await result(s, old.biz_id)).toMatchObject({ outcome: 'failed', error: { code: 'DATA_DESTROYED' } });
    clock += DAY_MS;
    await issue(s);
    expect(s.tokens.has(old.token)).toBe(false);
    expect(await result(s, old.biz_id)).toMatchObject({ outcome: 'failed', error: { code: 'RESULT_NOT_FOUND' } });
  });
});
