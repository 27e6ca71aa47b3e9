import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { WEB_SHELL_TIMEOUTS, startWebShell, type WebShell } from '../../main/web/server';
import { rawRequest } from '../support/raw-http';

/** Writes `head` and then nothing more; resolves with what the server said and when it hung up. */
function stall(port: number, head: string): Promise<{ answer: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(head));
    socket.on('data', (c: Buffer) => (answer += c.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
  });
}

describe('browser shell timeouts', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-web-timeouts-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>FaceID Console</title>');
    app = await startConsoleApp({ dataDir: join(dir, 'data') });
    // Short versions of the production values, so the test waits a second, not a minute.
    shell = await startWebShell({
      handlers: app.handlers,
      rendererDir: join(dir, 'renderer'),
      timeouts: { headersMs: 400, requestMs: 800, keepAliveMs: 300 },
    });
  });

  afterAll(async () => {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('documents production timeouts suited to a loopback UI', () => {
    expect(WEB_SHELL_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000 });
  });

  it('answers 408 and hangs up on a client that never finishes its headers', async () => {
    const r = await stall(shell.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nX-Slow: `);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.ms).toBeLessThan(5000);
  });

  it('answers 408 and hangs up on a body that stops arriving', async () => {
    const head =
      `POST /api/listProfiles HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nX-FaceID-Console-Token: ${shell.token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":';
    const r = await stall(shell.port, head);
    expect(r.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.ms).toBeLessThan(5000);
  });

  it('does not cut a slow answer: the request timeout ends once the request has arrived', async () => {
    const r = await rawRequest(shell.port, {
      method: 'POST',
      target: '/api/issueToken',
      headers: { Host: `127.0.0.1:${shell.port}`, 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        callId: 'timeouts-slow-1',
        profileId: 'sandbox',
        params: {
          return_url: 'https://example.com/r',
          notify_url: 'https://example.com/n',
          biz_no: 'slow',
          comparison_type: '-1',
          uuid: 'sandbox:latency-1500',
        },
        photos: {},
      }),
      timeoutMs: 10_000,
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { outcome: 'issued' } });
  });

  it('closes an idle keep-alive connection', async () => {
    const r = await stall(shell.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\n\r\n`);
    expect(r.answer).toMatch(/^HTTP\/1\.1 200 /);
    // Node's default would hold it 5 s.
    expect(r.ms).toBeLessThan(3000);
    expect((await rawRequest(shell.port, { target: '/', headers: { Host: `127.0.0.1:${shell.port}` } })).status).toBe(200);
  });
});
