/**
 * The desktop app's verification record: the page now shown, printed to PDF with its print CSS
 * (only the record is visible in print), saved where the operator chooses, owner-only (0600) like
 * every file the console writes. Electron objects are injected so the logic runs under a test.
 */
import { writeFile } from 'node:fs/promises';

export interface PdfSource {
  printToPDF(options: { pageSize: 'A4'; printBackground: boolean }): Promise<Uint8Array>;
}

export type SaveDialog = (defaultPath: string) => Promise<{ canceled: boolean; filePath?: string }>;

/** A record printer over the window's contents and a save dialog. */
export function electronRecordPrinter(
  contents: () => PdfSource | undefined,
  askWhere: SaveDialog,
  write: typeof writeFile = writeFile,
): (suggestedName: string) => Promise<{ saved: boolean; filename?: string }> {
  return async (suggestedName) => {
    const source = contents();
    if (!source) return { saved: false };
    // Printed before asking, so the dialog cannot change what the page shows in between.
    const pdf = await source.printToPDF({ pageSize: 'A4', printBackground: true });
    const where = await askWhere(suggestedName);
    if (where.canceled || !where.filePath) return { saved: false };
    await write(where.filePath, pdf, { mode: 0o600 });
    return { saved: true, filename: where.filePath.split(/[\\/]/).pop() };
  };
}
