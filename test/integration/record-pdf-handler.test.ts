/**
 * The desktop record path under Node: the real handler table of a real console app (embedded
 * sandbox, history in a temp folder) bound to the real Electron record printer. Only what exists
 * in Electron alone is stood in for: the window's printToPDF and the native save dialog.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { electronRecordPrinter } from '../../main/electron/record-pdf';

const PDF = new TextEncoder().encode('%PDF-1.7 desk record');
const PARAMS = { return_url: 'https://bank.example/r', notify_url: 'https://bank.example/n', comparison_type: '-1', uuid: 'customer-9' };

describe('saving a verification record from the desktop shell', () => {
  let dir: string;
  let app: ConsoleApp;
  const suggested: string[] = [];
  let answer: { canceled: boolean; filePath?: string } = { canceled: true };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-record-app-'));
    const printer = electronRecordPrinter(
      () => ({ printToPDF: async () => PDF }),
      async (name) => {
        suggested.push(name);
        return answer;
      },
    );
    app = await startConsoleApp({ dataDir: join(dir, 'data'), recordPrinter: printer });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function issue(bizNo: string): Promise<number> {
    const r = await app.handlers.issueToken({
      callId: `rec-${bizNo}`,
      profileId: 'sandbox',
      params: { ...PARAMS, biz_no: bizNo },
      photos: {},
    });
    if (!r.ok || r.value.outcome !== 'issued' || r.value.historyId === undefined) throw new Error(JSON.stringify(r));
    return r.value.historyId;
  }

  it('suggests a file name from the biz_no, safe for any file system, and saves the printed page owner-only', async () => {
    const id = await issue('desk/7 ü:*');
    answer = { canceled: false, filePath: join(dir, 'kept.pdf') };
    expect(await app.handlers.saveRecordPdf({ historyId: id })).toEqual({ ok: true, value: { saved: true, filename: 'kept.pdf' } });
    expect(suggested.at(-1)).toBe('faceid-record-desk_7_.pdf');
    expect(readFileSync(join(dir, 'kept.pdf'))).toEqual(Buffer.from(PDF));
    if (process.platform !== 'win32') expect(statSync(join(dir, 'kept.pdf')).mode & 0o777).toBe(0o600);
  });

  it('answers saved: false when the operator cancels the dialog, and refuses an unknown row', async () => {
    const id = await issue('desk-8');
    answer = { canceled: true };
    expect(await app.handlers.saveRecordPdf({ historyId: id })).toEqual({ ok: true, value: { saved: false } });
    expect(await app.handlers.saveRecordPdf({ historyId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'historyId' },
    });
    expect(await app.handlers.saveRecordPdf({ historyId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'historyId' },
    });
  });
});
