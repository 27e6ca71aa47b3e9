/**
 * Exports stream on the trusted side: into the file the desktop save dialog chose (owner-only),
 * or through the browser shell's one-time download ticket — guarded like every route, good for
 * one GET — and the rows that arrive are the rows the filter matches.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedExport } from '../../core/api';
import { HistoryStore } from '../../main/history/store';
import { createSandbox, type Sandbox } from '../../main/sandbox/server';
import { DownloadTickets } from '../../main/services/export-ops';
import { buildHandlers, type Handlers } from '../../main/services/handlers';
import { SettingsStore } from '../../main/settings/settings';
import { keyFileCipher } from '../../main/vault/keyfile-cipher';
import { redactorOf } from '../../main/vault/redact';
import { Vault } from '../../main/vault/vault';
import { startWebShell, type WebShell } from '../../main/web/server';
import { rawRequest } from '../support/raw-http';
import { syntheticEnd, syntheticStart } from '../support/history-rows';

const ROWS = 300;
const T0 = Date.UTC(2026, 0, 1);
let dir: string;
let sandbox: Sandbox;
let history: HistoryStore;
let vault: Vault;
let saveTo: { canceled: boolean; filePath?: string } = { canceled: true };
let desktop: Handlers;
let browser: Handlers;
let shell: WebShell;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faceid-export-'));
  sandbox = await createSandbox({ apiKey: 'k', apiSecret: 'export-secret' });
  vault = await Vault.open({
    dataDir: dir,
    cipher: keyFileCipher(dir),
    sandbox: { baseUrl: sandbox.baseUrl, apiKey: 'k', apiSecret: 'export-secret' },
  });
  history = HistoryStore.open(join(dir, 'history.sqlite3'), { redact: redactorOf(() => vault.knownSecrets()) });
  for (let n = 1; n <= ROWS; n++) {
    history.begin(syntheticStart(n, T0 + n * 1000));
    history.complete(syntheticStart(n, T0 + n * 1000).callId, syntheticEnd(n, T0 + n * 1000 + 20));
  }
  const settings = SettingsStore.open(dir);
  const now = () => T0 + ROWS * 1000;
  desktop = buildHandlers({ vault, history, settings, now, exportSaver: async () => saveTo });
  browser = buildHandlers({ vault, history, settings, now });
  const rendererDir = join(dir, 'renderer');
  shell = await startWebShell({ handlers: browser.table, downloads: browser.downloads, rendererDir });
});

afterAll(async () => {
  await shell.close();
  await sandbox.close();
  history.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The data lines of a CSV export (the synthetic rows hold no line breaks), after checking its header. */
const records = (csv: string): string[] => {
  const [header, ...lines] = csv.trim().split('\n');
  expect(header).toMatch(/^started_at,status,profile,/);
  return lines;
};

describe('desktop: the save dialog chooses the file, the trusted side streams into it', () => {
  it('writes every matching row, owner-only, even over a wider file that was there', async () => {
    const file = join(dir, 'chosen.csv');
    writeFileSync(file, 'old contents that must go', { mode: 0o644 });
    saveTo = { canceled: false, filePath: file };
    const r = await desktop.table.saveHistoryExport({ filter: {}, format: 'csv' });
    expect(r).toEqual({ ok: true, value: { kind: 'saved', filename: 'chosen.csv', count: ROWS } });
    const rows = records(readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(ROWS);
    expect(rows[0]).toContain(history.get(ROWS)?.bizNo ?? '?');
    expect(rows[ROWS - 1]).toContain(history.get(1)?.bizId ?? '?');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes JSON for a filter, and says cancelled when the operator closes the dialog', async () => {
    const file = join(dir, 'chosen.json');
    saveTo = { canceled: false, filePath: file };
    const one = history.get(7);
    const r = await desktop.table.saveHistoryExport({ filter: { text: one?.bizNo ?? '?' }, format: 'json' });
    expect(r.ok && r.value).toMatchObject({ kind: 'saved', count: 1 });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { id: number }[]).map((x) => x.id)).toEqual([7]);
    saveTo = { canceled: true };
    expect(await desktop.table.saveHistoryExport({ filter: {}, format: 'csv' })).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });

  it('says there is nothing to export without asking where', async () => {
    saveTo = { canceled: false, filePath: join(dir, 'never.csv') };
    expect(await desktop.table.saveHistoryExport({ filter: { text: 'no-such-call-anywhere' }, format: 'csv' })).toEqual({
      ok: true,
      value: { kind: 'empty' },
    });
    expect(() => statSync(join(dir, 'never.csv'))).toThrow();
  });
});

describe('browser shell: a one-time download ticket', () => {
  const host = () => `127.0.0.1:${shell.port}`;
  const ticketFor = async (format: 'csv' | 'json', filter = {}) => {
    const r = await rawRequest(shell.port, {
      method: 'POST',
      target: '/api/saveHistoryExport',
      headers: { Host: host(), 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json', Origin: `http://${host()}` },
      body: JSON.stringify({ filter, format }),
    });
    const answer = JSON.parse(r.body) as { ok: true; value: SavedExport };
    if (answer.value.kind !== 'download') throw new Error(r.body);
    return answer.value;
  };
  /** A GET the way a browser download makes it (node:http decodes the chunked stream). */
  const get = (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, path: target, method, headers: { Host: host(), ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end();
    });

  it('streams every matching row as an attachment, once', async () => {
    const d = await ticketFor('csv');
    expect(d).toMatchObject({ count: ROWS, countCapped: false, filename: expect.stringMatching(/^faceid-history-.*\.csv$/) });
    expect(d.url).toMatch(/^\/download\/[\w-]{32}$/);
    const r = await get(d.url);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${d.filename}"`);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(records(r.body)).toHaveLength(ROWS);
    expect((await get(d.url)).status).toBe(404);
  });

  it('refuses a download asked for by another site or under another Host, without using up the ticket', async () => {
    const d = await ticketFor('json');
    expect((await get(d.url, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(d.url, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(d.url, { Host: 'evil.example' })).status).toBe(421);
    const r = await get(d.url, { 'Sec-Fetch-Site': 'same-origin' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toHaveLength(ROWS);
  });

  it('answers 404 for a ticket never issued, malformed, or asked for with another method', async () => {
    expect((await get(`/download/${'A'.repeat(32)}`)).status).toBe(404);
    expect([400, 404]).toContain((await get('/download/../../etc/passwd')).status);
    expect((await get('/download/short')).status).toBe(404);
    const d = await ticketFor('csv');
    expect((await get(d.url, {}, 'POST')).status).toBe(405);
  });

  it('forgets a ticket a minute after it was issued', () => {
    let clock = 0;
    const tickets = new DownloadTickets(() => clock);
    const t = tickets.issue({ filename: 'x.csv', contentType: 'text/csv', write: async () => 0 });
    clock = 60_000;
    expect(tickets.take(t)).toBeUndefined();
  });
});
