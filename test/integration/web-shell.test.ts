import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { startWebShell, type WebShell } from '../../main/web/server';
import { rawRequest, type RawReply } from '../support/raw-http';
import type { MessageRef } from '../../core/i18n/render';
import { errorSaid } from '../support/messages';

describe('browser shell', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;
  let host: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-web-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>FaceID Console</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
    app = await startConsoleApp({ dataDir: join(dir, 'data') });
    shell = await startWebShell({ handlers: app.handlers, rendererDir });
    host = `127.0.0.1:${shell.port}`;
  });

  afterAll(async () => {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    rawRequest(shell.port, { method, target, headers: { Host: host, ...headers } });
  const api = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    rawRequest(shell.port, {
      method: 'POST',
      target: `/api/${op}`,
      headers: {
        Host: host,
        'X-FaceID-Console-Token': shell.token,
        'Content-Type': 'application/json',
        Origin: `http://${host}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const errorOf = (r: RawReply) =>
    (JSON.parse(r.body) as { ok: false; error: { code: string; message: string; words?: MessageRef[] } }).error;

  it('prints a launch URL on 127.0.0.1 with the per-launch token in the fragment, never in the query', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/#token=${shell.token}`);
    expect(shell.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP, without a token and without setting any cookie', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('FaceID Console');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('expires the cookie earlier versions set when a browser still sends it', async () => {
    const r = await get('/', { Cookie: 'other=1; faceid_console_token=old' });
    expect(r.headers['set-cookie']).toMatch(/^faceid_console_token=; Max-Age=0; Path=\//);
  });

  it('refuses API calls without the token header or with a wrong one, with a JSON reason', async () => {
    const missing = await api('listProfiles', {}, { 'X-FaceID-Console-Token': '' });
    expect(missing.status).toBe(401);
    expect(errorOf(missing)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'UNAUTHENTICATED',
      words: [{ ns: 'console', key: 'web.tokenMissing' }],
    });
    const wrong = await api('listProfiles', {}, { 'X-FaceID-Console-Token': 'x'.repeat(32) });
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong).words).toEqual([{ ns: 'console', key: 'web.tokenWrong' }]);
    expect(errorSaid(errorOf(wrong))).toContain('URL printed at launch');
    expect(errorSaid(errorOf(wrong), 'id')).toContain('URL yang ditampilkan saat dijalankan');
  });

  it('no longer accepts the token as a cookie or in the query string', async () => {
    const headers = { Host: host, 'Content-Type': 'application/json', Cookie: `faceid_console_token=${shell.token}` };
    expect((await rawRequest(shell.port, { method: 'POST', target: '/api/listProfiles', headers, body: '{}' })).status).toBe(401);
    const query = await rawRequest(shell.port, {
      method: 'POST',
      target: `/api/listProfiles?token=${shell.token}`,
      headers: { Host: host, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(query.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), static files and API alike', async () => {
    expect((await get('/', { Host: `evil.example:${shell.port}` })).status).toBe(421);
    expect((await api('listProfiles', {}, { Host: `evil.example:${shell.port}` })).status).toBe(421);
  });

  it('refuses a cross-site Origin, another loopback port and an opaque origin even with the token', async () => {
    expect((await api('listProfiles', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('listProfiles', {}, { Origin: `http://127.0.0.1:${shell.port + 1}` })).status).toBe(403);
    expect((await api('listProfiles', {}, { Origin: 'null' })).status).toBe(403);
    expect((await api('listProfiles', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('listProfiles', {}, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const target of ['/..%2Fsecret.txt', '/%2E%2E/secret.txt', '/..%5Csecret.txt']) {
      const r = await get(target);
      expect([400, 404]).toContain(r.status);
      expect(r.body).not.toContain('outside');
    }
  });

  it('answers malformed request targets with 400 and keeps serving (they once crashed the process)', async () => {
    for (const [method, target] of [
      ['GET', '//'],
      ['GET', '///'],
      ['GET', '//@/'],
      ['OPTIONS', '//'],
      ['GET', '/%E0%A4%A'],
      ['GET', '/%c0%ae%c0%ae/secret.txt'],
      ['GET', '/a%00b'],
      ['GET', '*'],
      ['GET', 'http://evil.example/'],
    ]) {
      const r = await get(target ?? '', {}, method);
      expect(r.status, `${method} ${target}`).toBe(400);
      expect(r.headers['content-type']).toMatch(/^text\/plain/);
    }
    expect((await get(`/${'a'.repeat(3000)}`)).status).toBe(414);
    expect((await get('/')).status).toBe(200);
  });

  it('answers a malformed /api target in JSON', async () => {
    const r = await api('%E0%A4%A', {});
    expect(r.status).toBe(400);
    expect(errorOf(r).code).toBe('BAD_TARGET');
  });

  it('answers the API with Results: the sandbox profile, without its secret', async () => {
    const r = await api('listProfiles', {});
    expect(r.status).toBe(200);
    const result = JSON.parse(r.body);
    expect(result.ok).toBe(true);
    expect(result.value[0]).toMatchObject({ id: 'sandbox', environment: 'sandbox', hasSecret: true });
    expect(r.body).not.toContain(app.sandbox.apiSecret);
  });

  it('issues a token through the same handlers the Electron shell binds', async () => {
    const r = await api('issueToken', {
      callId: 'web-shell-test-1',
      profileId: 'sandbox',
      params: {
        return_url: 'https://example.com/r',
        notify_url: 'https://example.com/n',
        biz_no: 'web-1',
        comparison_type: '-1',
        uuid: 'customer-1',
      },
      photos: {},
    });
    const result = JSON.parse(r.body);
    expect(result, r.body).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    expect(result.value.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('turns malformed payloads into clear errors, not crashes', async () => {
    const bad = await api('issueToken', '{not json');
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toEqual({ code: 'BAD_REQUEST', message: 'BAD_REQUEST', words: [{ ns: 'console', key: 'web.notJson' }] });
    expect(errorSaid(errorOf(bad), 'zh')).toBe('请求体不是 JSON。');
    const wrongShape = JSON.parse((await api('issueToken', { callId: 1 })).body);
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'callId' } });
    const unknown = await api('noSuchOp', {});
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('UNKNOWN_OPERATION');
    expect((await api('__proto__', {})).status).toBe(404);
  });

  it('says which method and content type the API takes', async () => {
    const put = await rawRequest(shell.port, {
      method: 'PUT',
      target: '/api/listProfiles',
      headers: { Host: host, 'X-FaceID-Console-Token': shell.token },
      body: '{}',
    });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    const form = await api('listProfiles', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(errorOf(form)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', words: [{ ns: 'console', key: 'web.jsonMediaType' }] });
    expect(errorSaid(errorOf(form))).toContain('application/json');
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });

  it('refuses a body over the limit with 413, from its declared length or while reading it', async () => {
    const declared = await api('importProfiles', '{}', { 'Content-Length': String(200 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(errorOf(declared).code).toBe('REQUEST_TOO_LARGE');
    const streamed = await rawRequest(shell.port, {
      method: 'POST',
      target: '/api/importProfiles',
      headers: { Host: host, 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: Buffer.concat([Buffer.from(`2200000\r\n`), Buffer.alloc(0x2200000, 0x61), Buffer.from('\r\n0\r\n\r\n')]),
      timeoutMs: 10_000,
    });
    expect(streamed.status).toBe(413);
  });

  it("answers the parser's own refusals itself: 400 for garbage, 431 for oversized headers", async () => {
    const garbage = await rawRequest(shell.port, { method: 'GET / HTTP/9.9\r\nX', target: '/' });
    expect(garbage.status).toBe(400);
    const huge = await get('/', { 'X-Big': 'a'.repeat(20_000) });
    expect(huge.status).toBe(431);
    expect((await get('/')).status).toBe(200);
  });
});
