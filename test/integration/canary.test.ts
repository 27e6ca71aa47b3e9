import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { exportText } from '../support/export-text';

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
        profile: {
          name: 'Prod canary',
          color: '#c53030',
          environment: 'production',
          region: 'custom',
          baseUrl: service.baseUrl,
          apiKey: 'canary-key-0001',
          secret: CANARY,
          defaults: {},
        },
      }),
    );
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const base = {
      return_url: 'https://bank.example/r',
      notify_url: 'https://bank.example/n',
      comparison_type: '-1',
      uuid: 'canary-customer',
    };
    const issued = seen(
      await h.issueToken({
        callId: 'canary-call-1',
        profileId: id,
        params: { ...base, biz_no: 'canary-1', biz_extra_data: `pasted ${CANARY} by mistake` },
        photos: {},
      }),
    );
    expect(issued).toMatchObject({ ok: true, value: { outcome: 'issued' } });
    const failed = seen(
      await h.issueToken({ callId: 'canary-call-2', profileId: id, params: { ...base, biz_no: 'canary-2', scene_id: 'nope' }, photos: {} }),
    );
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
    expect(seen(await exportText(h, app.downloads, { filter: {}, format: 'csv' }))).toMatchObject({ ok: true, value: { count: 2 } });
    expect(seen(await exportText(h, app.downloads, { filter: {}, format: 'json' }))).toMatchObject({ ok: true, value: { count: 2 } });

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

/**
 * An upstream that copies the whole request into its answers, as a misconfigured gateway or a
 * debugging proxy does: the secret comes back in error_message, in the field an error names, as a
 * JSON key, HTML-escaped in a proxy page, URL-encoded from get_result's query, and in headers.
 */
describe('the secret never leaks when an upstream echoes the request', () => {
  // Characters each encoding changes, so every written form of the secret is exercised.
  const SECRET = 'ECHO-CANARY "q" <&> +/ 5b7d';
  const FORMS = [
    SECRET,
    encodeURIComponent(SECRET),
    new URLSearchParams({ s: SECRET }).toString().slice(2),
    JSON.stringify(SECRET).slice(1, -1),
    SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  ];
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  let dir: string;
  let app: ConsoleApp;
  let echo: Server;
  let profileId: string;
  const logs: string[] = [];

  /** Answers by the biz_no the request carries; every answer quotes the request it got. */
  function answer(req: IncomingMessage, body: string, res: ServerResponse): void {
    const secret = new URL(req.url ?? '/', 'http://echo.invalid').searchParams.get('api_secret') ?? SECRET;
    const headers = { 'X-Echo-Secret': encodeURIComponent(secret), 'X-Echo-Url': encodeURIComponent(req.url ?? '') };
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'GET')
      return json(200, { request_id: '1,r', status: 'OK', echo: req.url, [secret]: 'a key named after the secret', time_used: 1 });
    const mode = /mode-[a-z0-9-]+/.exec(body)?.[0];
    if (mode === 'mode-issue')
      return json(200, {
        request_id: '1,a',
        biz_id: `1,${SECRET}`,
        token: 'tok-echo-0001',
        expired_time: 2_000_000_000,
        time_used: 1,
        echo: body,
      });
    if (mode === 'mode-message')
      return json(400, { request_id: `1,${SECRET}`, error_message: `BAD_ARGUMENTS: ${SECRET}`, echo: body, time_used: 1 });
    if (mode === 'mode-error-field')
      return json(400, { request_id: '1,c', error: `MISSING_ARGUMENTS: ${SECRET}`, [SECRET]: body, time_used: 1 });
    res.writeHead(mode === 'mode-page-200' ? 200 : 502, { ...headers, 'Content-Type': 'text/html' });
    res.end(`<html><body><h1>Bad Gateway</h1><pre>${html(body)}</pre><p>secret=${html(SECRET)}</p></body></html>`);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-echo-'));
    echo = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    app = await startConsoleApp({ dataDir: dir, log: (l) => logs.push(l) });
    const created = await app.handlers.createProfile({
      profile: {
        name: 'Echoing gateway',
        color: '#c53030',
        environment: 'test',
        region: 'custom',
        baseUrl: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
        apiKey: 'echo-key-0001',
        secret: SECRET,
        defaults: {},
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    profileId = created.value.id;
  });
  afterAll(async () => {
    await app.close();
    echo.closeAllConnections();
    echo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const leaks = (text: string) => FORMS.filter((f) => text.includes(f));

  it('keeps it out of every answer, the history, its exports and cURL, the log and the files', async () => {
    const h = app.handlers;
    const payloads: unknown[] = [];
    const call = async (mode: string) => {
      const params = {
        return_url: 'https://bank.example/r',
        notify_url: 'https://bank.example/n',
        comparison_type: '-1',
        uuid: 'echo-customer',
        biz_no: mode,
      };
      const r = await h.issueToken({ callId: `call-${mode}`, profileId, params, photos: {} });
      payloads.push(r);
      return r;
    };
    const issued = await call('mode-issue');
    expect(issued).toMatchObject({ ok: true, value: { outcome: 'issued', token: 'tok-echo-0001' } });
    expect(await call('mode-message')).toMatchObject({
      ok: true,
      value: { outcome: 'failed', error: { code: 'BAD_ARGUMENTS', field: '[redacted]' } },
    });
    expect(await call('mode-error-field')).toMatchObject({
      ok: true,
      value: { outcome: 'failed', error: { code: 'MISSING_ARGUMENTS', field: '[redacted]' } },
    });
    expect(await call('mode-page-502')).toMatchObject({ ok: true, value: { outcome: 'unknown' } });
    expect(await call('mode-page-200')).toMatchObject({ ok: true, value: { outcome: 'unknown' } });

    const page = await h.queryHistory({ filter: {}, limit: 50 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.total).toBe(5);
    payloads.push(page);
    for (const row of page.value.rows) {
      payloads.push(await h.getHistoryRow({ id: row.id }));
      payloads.push(await h.historyCurl({ id: row.id }));
    }
    const issuedId = issued.ok ? issued.value.historyId : undefined;
    if (issuedId === undefined) throw new Error('the issued call has no history row');
    const fetched = await h.fetchResult({ historyId: issuedId });
    expect(fetched).toMatchObject({ ok: true, value: { resultStatus: 'OK' } });
    payloads.push(fetched, await h.getHistoryRow({ id: issuedId }));
    const csv = await exportText(h, app.downloads, { filter: {}, format: 'csv' });
    const json = await exportText(h, app.downloads, { filter: {}, format: 'json' });
    expect([csv, json]).toMatchObject([
      { ok: true, value: { count: 5 } },
      { ok: true, value: { count: 5 } },
    ]);
    payloads.push(csv, json);

    const visible = JSON.stringify(payloads);
    // The calls really carried it back: the redaction marker stands where it was.
    expect(visible).toContain('[redacted]');
    expect(visible).toContain('mode-message');
    expect(leaks(visible)).toEqual([]);
    expect(leaks(logs.join('\n'))).toEqual([]);
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file).toString('latin1');
      expect(leaks(bytes), file).toEqual([]);
    }
  });
});
