// History operations while a get_token call is in flight, through the browser shell as the
// renderer uses it: the call's row is written once, completed once, and keeps the profile it
// was sent with; export and delete see either the pending row or the finished one, never a mix.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedExport } from '../../core/api';
import type { HistoryListRow, HistoryRow } from '../../core/history';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { startWebShell, type WebShell } from '../../main/web/server';
import { callOp, until } from '../support/shell-process';

type Page = { rows: HistoryListRow[]; total: number };

describe('history while a call is in flight', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;
  let client: { origin: string; token: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-web-inflight-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    app = await startConsoleApp({ dataDir: join(dir, 'data') });
    shell = await startWebShell({ handlers: app.handlers, downloads: app.downloads, rendererDir: join(dir, 'renderer') });
    client = { origin: `http://127.0.0.1:${shell.port}`, token: shell.token };
  });

  afterAll(async () => {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ok = async <T>(op: string, request: unknown): Promise<T> => {
    const r = await callOp<T>(client, op, request);
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const slowCall = (callId: string, bizNo: string) =>
    ok<{ outcome: string; historyId?: number }>('issueToken', {
      callId,
      profileId: 'sandbox',
      params: {
        return_url: 'https://example.com/r',
        notify_url: 'https://example.com/n',
        biz_no: bizNo,
        comparison_type: '-1',
        uuid: 'sandbox:latency-1500',
      },
      photos: {},
    });
  /** An export the way the browser shell's page makes it: a one-time ticket, then its download. */
  const exported = async (filter: { text: string }) => {
    const saved = await ok<SavedExport>('saveHistoryExport', { filter, format: 'json' });
    if (saved.kind !== 'download') throw new Error(`no download: ${saved.kind}`);
    const r = await fetch(`${client.origin}${saved.url}`);
    expect(r.status).toBe(200);
    return { count: saved.count, rows: (await r.json()) as { bizNo?: string; status?: string }[] };
  };
  const rowsOf = async (bizNo: string) => (await ok<Page>('queryHistory', { filter: { text: bizNo }, limit: 50 })).rows;
  const pending = (bizNo: string) =>
    until(`the pending row of ${bizNo}`, async () => (await rowsOf(bizNo)).find((r) => r.status === 'pending'));

  it('a profile switch mid-call: the row keeps the profile it was sent with and completes once', async () => {
    const other = await ok<{ id: string }>('createProfile', {
      profile: {
        name: 'Other',
        color: '#2f855a',
        environment: 'test',
        region: 'custom',
        baseUrl: app.sandbox.baseUrl,
        apiKey: 'other-key',
        secret: 'other-secret',
        defaults: {},
      },
    });
    const call = slowCall('inflight-switch-1', 'inflight-switch');
    await pending('inflight-switch');
    await ok('setActiveProfile', { profileId: other.id });
    const outcome = await call;
    expect(outcome.outcome).toBe('issued');
    const rows = await rowsOf('inflight-switch');
    expect(rows).toHaveLength(1);
    const row = await ok<HistoryRow>('getHistoryRow', { id: rows[0]?.id });
    expect(row).toMatchObject({ status: 'issued', profileId: 'sandbox', callId: 'inflight-switch-1' });
    expect(row.finishedAt).toBeGreaterThanOrEqual(row.startedAt);
    await ok('setActiveProfile', { profileId: 'sandbox' });
  });

  it('an export mid-call sees the call once, pending; one after it sees it once, issued', async () => {
    const call = slowCall('inflight-export-1', 'inflight-export');
    await pending('inflight-export');
    const during = await exported({ text: 'inflight-export' });
    expect(during.count).toBe(1);
    expect(during.rows).toHaveLength(1);
    expect(JSON.stringify(during.rows[0])).toContain('pending');
    await call;
    const after = await exported({ text: 'inflight-export' });
    expect(after.count).toBe(1);
    expect(after.rows).toHaveLength(1);
    expect(JSON.stringify(after.rows)).toContain('issued');
  });

  it('a delete of everything mid-call keeps the in-flight row, which then completes exactly once', async () => {
    await ok('issueToken', {
      callId: 'inflight-delete-old',
      profileId: 'sandbox',
      params: {
        return_url: 'https://example.com/r',
        notify_url: 'https://example.com/n',
        biz_no: 'inflight-delete-old',
        comparison_type: '-1',
        uuid: 'c',
      },
      photos: {},
    });
    const call = slowCall('inflight-delete-1', 'inflight-delete');
    await pending('inflight-delete');
    const deleted = await ok<{ deleted: number }>('deleteHistory', { all: true });
    expect(deleted.deleted).toBeGreaterThanOrEqual(1);
    const left = await ok<Page>('queryHistory', { filter: {}, limit: 50 });
    expect(left.rows.map((r) => [r.bizNo, r.status])).toEqual([['inflight-delete', 'pending']]);
    expect(left.total).toBe(1);
    expect((await call).outcome).toBe('issued');
    const rows = await rowsOf('inflight-delete');
    expect(rows.map((r) => r.status)).toEqual(['issued']);
    expect(app.history.integrityOk()).toBe(true);
  });
});
