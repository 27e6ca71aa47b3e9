import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronRecordPrinter } from '../../../main/electron/record-pdf';

// Fakes stand in for webContents and the save dialog, which cannot exist under Node.
const PDF = new TextEncoder().encode('%PDF-1.7 record');

describe('the desktop record printer', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('prints the page to A4 PDF with its backgrounds and saves it owner-only where the operator chose', async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-record-'));
    const target = join(dir, 'chosen.pdf');
    const asked: unknown[] = [];
    const printer = electronRecordPrinter(
      () => ({ printToPDF: async (o) => (asked.push(o), PDF) }),
      async (name) => (asked.push(name), { canceled: false, filePath: target }),
    );
    expect(await printer('faceid-record-desk-1.pdf')).toEqual({ saved: true, filename: 'chosen.pdf' });
    expect(asked).toEqual([{ pageSize: 'A4', printBackground: true }, 'faceid-record-desk-1.pdf']);
    expect(readFileSync(target)).toEqual(Buffer.from(PDF));
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('saves nothing when the operator cancels or no window is open', async () => {
    let wrote = false;
    const write = async () => {
      wrote = true;
    };
    expect(
      await electronRecordPrinter(
        () => ({ printToPDF: async () => PDF }),
        async () => ({ canceled: true }),
        write,
      )('x.pdf'),
    ).toEqual({ saved: false });
    expect(
      await electronRecordPrinter(
        () => undefined,
        async () => ({ canceled: false, filePath: '/x.pdf' }),
        write,
      )('x.pdf'),
    ).toEqual({ saved: false });
    expect(wrote).toBe(false);
  });
});
