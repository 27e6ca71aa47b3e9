import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryListRow, HistoryRow } from '../../core/history';
import { callOp, exited, startShellProcess, until, type ShellProcess } from '../support/shell-process';

const issue = (callId: string, bizNo: string, uuid: string) => ({
  callId,
  profileId: 'sandbox',
  params: { return_url: 'https://example.com/r', notify_url: 'https://example.com/n', biz_no: bizNo, comparison_type: '-1', uuid },
  photos: {},
});

type Page = { rows: HistoryListRow[]; total: number };

describe('browser shell killed mid-call (SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-web-crash-'));
  const running: ShellProcess[] = [];

  afterAll(async () => {
    for (const s of running) {
      s.child.kill('SIGKILL');
      await exited(s.child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the interrupted call as an unknown outcome, once, next to the completed ones', { timeout: 60_000 }, async () => {
    const first = await startShellProcess(dir);
    running.push(first);
    const done = await callOp<{ outcome: string }>(first, 'issueToken', issue('crash-call-done', 'crash-done', 'customer-1'));
    expect(done).toMatchObject({ ok: true, value: { outcome: 'issued' } });

    // The sandbox holds this answer for 20 s; the process dies long before it comes.
    const inFlight = callOp(first, 'issueToken', issue('crash-call-cut', 'crash-cut', 'sandbox:latency-20000')).catch((e: unknown) => e);
    await until('the in-flight row', async () => {
      const r = await callOp<Page>(first, 'queryHistory', { filter: { status: 'pending' }, limit: 10 });
      return r.ok && r.value.rows.some((row) => row.bizNo === 'crash-cut') ? true : undefined;
    });
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(await inFlight).toBeInstanceOf(Error);

    // What the killed process left on disk: the row written before sending, still pending.
    const file = join(dir, 'history.sqlite3');
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT status FROM calls WHERE biz_no = ?').all('crash-cut')).toEqual([{ status: 'pending' }]);
    raw.close();

    const second = await startShellProcess(dir);
    running.push(second);
    expect(second.output()).toContain('1 call(s) interrupted');
    const all = await callOp<Page>(second, 'queryHistory', { filter: {}, limit: 50 });
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.total).toBe(2);
    const cut = all.value.rows.filter((r) => r.bizNo === 'crash-cut');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ status: 'unknown', errorCode: 'INTERRUPTED' });
    expect(all.value.rows.find((r) => r.bizNo === 'crash-done')).toMatchObject({ status: 'issued' });
    const detail = await callOp<HistoryRow>(second, 'getHistoryRow', { id: cut[0]?.id });
    expect(detail).toMatchObject({ ok: true, value: { callId: 'crash-call-cut', params: { uuid: 'sandbox:latency-20000' } } });
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});
