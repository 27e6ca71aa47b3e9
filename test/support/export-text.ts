/**
 * A history export as the browser shell hands it out (saveHistoryExport, then its one-time
 * ticket), read back as text for a test to look into: the streamed export is the only one.
 */
import { Writable } from 'node:stream';
import type { SavedExport } from '../../core/api';
import type { HistoryFilter } from '../../core/history';
import { ok, type Result } from '../../core/result';
import type { DownloadTickets } from '../../main/services/export-ops';
import type { HandlerTable } from '../../main/services/handlers';

export type ExportText = { kind: 'rows'; text: string; count: number } | { kind: Exclude<SavedExport['kind'], 'download'> };

/** The export's text and row count; a refusal is returned as it came (its Result). */
export async function exportText(
  handlers: HandlerTable,
  downloads: DownloadTickets,
  request: { filter: HistoryFilter; format: 'csv' | 'json' },
): Promise<Result<ExportText>> {
  const saved = await handlers.saveHistoryExport(request);
  if (!saved.ok) return saved;
  if (saved.value.kind !== 'download') return ok({ kind: saved.value.kind });
  const download = downloads.take(saved.value.url.replace(/^\/download\//, ''));
  if (!download) throw new Error(`the ticket of ${saved.value.url} is not waiting`);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const count = await download.write(sink);
  return ok({ kind: 'rows', text: Buffer.concat(chunks).toString('utf8'), count });
}
