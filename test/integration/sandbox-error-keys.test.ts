/**
 * The JSON key each error code comes under, on every path of the sandbox, as the seed's
 * 错误字段名称 column says: `error` for AUTHENTICATION_ERROR, AUTHORIZATION_ERROR and
 * API_NOT_FOUND, `error_message` for the rest. Raw HTTP, so nothing reads "either key" for us.
 * Also: the console's connection test (a credentials-only get_token) still means what it says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodyKey, splitServiceMessage } from '../../core/faceid/errors';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';

const KEY = 'keys-key';
const SECRET = 'keys-secret';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
});
afterAll(() => sandbox.close());

const form = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return body;
};
const VALID = {
  api_key: KEY,
  api_secret: SECRET,
  return_url: 'https://bank.example/r',
  notify_url: 'https://bank.example/n',
  biz_no: 'k-1',
  comparison_type: '-1',
  uuid: 'customer-1',
};

/** Checks that the body carries `message` under the catalogue's key for its code, and not under the other. */
async function expectKeyed(answer: Response, status: number, message: string): Promise<void> {
  expect(answer.status, message).toBe(status);
  const body = (await answer.json()) as Record<string, unknown>;
  const key = errorBodyKey(splitServiceMessage(message).code);
  const other = key === 'error' ? 'error_message' : 'error';
  expect(body[key], `${message} under ${key}`).toBe(message);
  expect(body, message).not.toHaveProperty(other);
  expect(typeof body.request_id).toBe('string');
}

describe('error body keys', () => {
  const getToken = (fields: Record<string, string>) =>
    fetch(`${sandbox.baseUrl}/faceid/lite/get_token`, { method: 'POST', body: form(fields) });
  const getResult = (query: Record<string, string>) => fetch(`${sandbox.baseUrl}/faceid/lite/get_result?${new URLSearchParams(query)}`);

  it('catalogues the three codes the seed sends under error', () => {
    expect(['AUTHENTICATION_ERROR', 'AUTHORIZATION_ERROR', 'API_NOT_FOUND'].map(errorBodyKey)).toEqual(['error', 'error', 'error']);
    expect(
      ['MISSING_ARGUMENTS', 'BAD_ARGUMENTS', 'CONCURRENCY_LIMIT_EXCEEDED', 'INTERNAL_ERROR', 'RESULT_NOT_FOUND'].map(errorBodyKey),
    ).toEqual(Array(5).fill('error_message'));
  });

  it('get_token: credentials, arguments and the magic uuid outcomes', async () => {
    await expectKeyed(await getToken({ ...VALID, api_secret: 'wrong' }), 403, 'AUTHENTICATION_ERROR');
    await expectKeyed(await getToken({ ...VALID, api_key: '' }), 400, 'MISSING_ARGUMENTS: api_key');
    await expectKeyed(await getToken({ ...VALID, uuid: '' }), 400, 'MISSING_ARGUMENTS: uuid');
    await expectKeyed(await getToken({ ...VALID, comparison_type: '1' }), 400, 'BAD_ARGUMENTS: comparison_type');
    await expectKeyed(await getToken({ ...VALID, uuid: 'sandbox:unauthorized' }), 403, 'AUTHORIZATION_ERROR: Denied.');
    await expectKeyed(await getToken({ ...VALID, uuid: 'sandbox:concurrency' }), 403, 'CONCURRENCY_LIMIT_EXCEEDED');
    await expectKeyed(await getToken({ ...VALID, uuid: 'sandbox:internal-error' }), 500, 'INTERNAL_ERROR');
  });

  it('get_result: credentials, arguments and an unknown biz_id', async () => {
    await expectKeyed(await getResult({ api_key: KEY, api_secret: 'wrong', biz_id: 'x' }), 403, 'AUTHENTICATION_ERROR');
    await expectKeyed(await getResult({ api_key: KEY, api_secret: SECRET }), 400, 'MISSING_ARGUMENTS: biz_id');
    await expectKeyed(await getResult({ api_key: KEY, api_secret: SECRET, biz_id: 'x' }), 400, 'RESULT_NOT_FOUND');
  });

  it('unknown paths and methods, and a planned concurrency fault', async () => {
    await expectKeyed(await fetch(`${sandbox.baseUrl}/faceid/lite/nope`), 404, 'API_NOT_FOUND');
    await expectKeyed(await fetch(`${sandbox.baseUrl}/faceid/lite/get_token`), 404, 'API_NOT_FOUND');
    sandbox.faults.set({ mode: 'concurrency', remaining: 2 });
    await expectKeyed(await getToken(VALID), 403, 'CONCURRENCY_LIMIT_EXCEEDED');
    await expectKeyed(await getResult({ api_key: KEY, api_secret: SECRET, biz_id: 'x' }), 403, 'CONCURRENCY_LIMIT_EXCEEDED');
  });
});

describe('the console connection test against the sandbox', () => {
  let dir: string;
  let app: ConsoleApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-keys-'));
    app = await startConsoleApp({ dataDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('calls the built-in credentials accepted and a wrong secret refused (AUTHENTICATION_ERROR under error)', async () => {
    expect(await app.handlers.testConnection({ profileId: 'sandbox' })).toMatchObject({
      ok: true,
      value: { ok: true, verdict: 'authenticated' },
    });
    const created = await app.handlers.createProfile({
      profile: {
        name: 'Wrong secret',
        color: '#3182ce',
        environment: 'test',
        region: 'custom',
        baseUrl: app.sandbox.baseUrl,
        apiKey: 'sandbox-key',
        secret: 'not-the-secret',
        acceptUnprotectedSecret: true,
        defaults: {},
      },
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await app.handlers.testConnection({ profileId: created.value.id })).toMatchObject({
      ok: true,
      value: { ok: false, verdict: 'authentication-failed' },
    });
  });
});
