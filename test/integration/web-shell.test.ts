import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { startWebShell, type WebShell } from '../../main/web/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can set Host and Origin as an attacker's page would. */
function call(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('browser shell', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;
  let cookie: string;
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
    const launch = await call(shell.port, `/?token=${shell.token}`, { headers: { Host: host } });
    cookie = String(launch.headers['set-cookie']).split(';')[0] ?? '';
  });

  afterAll(async () => {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    call(shell.port, `/api/${op}`, {
      method: 'POST',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json', Origin: `http://${host}`, ...headers },
      body: JSON.stringify(body),
    });

  it('prints a launch URL on 127.0.0.1 carrying the per-launch token', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`);
    expect(shell.token.length).toBeGreaterThanOrEqual(32);
  });

  it('trades the launch token for an HttpOnly SameSite cookie and drops it from the URL', async () => {
    const r = await call(shell.port, `/?token=${shell.token}`, { headers: { Host: host } });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('serves the renderer with a strict CSP to a holder of the token', async () => {
    const r = await call(shell.port, '/', { headers: { Host: host, Cookie: cookie } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('FaceID Console');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses every request without the token, static files and API alike', async () => {
    expect((await call(shell.port, '/', { headers: { Host: host } })).status).toBe(401);
    expect((await api('listProfiles', {}, { Cookie: 'faceid_console_token=wrong' })).status).toBe(401);
    expect((await call(shell.port, '/?token=guess', { headers: { Host: host } })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await call(shell.port, '/', { headers: { Host: `evil.example:${shell.port}`, Cookie: cookie } });
    expect(r.status).toBe(421);
  });

  it('refuses a cross-site Origin even with the cookie', async () => {
    const r = await api('listProfiles', {}, { Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const r2 = await api('listProfiles', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(r2.status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await call(shell.port, '/..%2Fsecret.txt', { headers: { Host: host, Cookie: cookie } });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('outside');
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
      params: { return_url: 'https://example.com/r', notify_url: 'https://example.com/n', biz_no: 'web-1', comparison_type: '-1', uuid: 'customer-1' },
      photos: {},
    });
    const result = JSON.parse(r.body);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    expect(result.value.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('turns malformed payloads into clear errors, not crashes', async () => {
    const bad = await call(shell.port, '/api/issueToken', {
      method: 'POST',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body).error.code).toBe('BAD_REQUEST');
    const wrongShape = JSON.parse((await api('issueToken', { callId: 1 })).body);
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await api('noSuchOp', {})).status).toBe(404);
  });
});
