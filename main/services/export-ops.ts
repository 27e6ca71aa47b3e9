/**
 * Exports that stream on the trusted side (issue #12 item 12). The desktop shell asks where with
 * its save dialog and writes the file row by row; the browser shell gets a one-time download
 * ticket whose GET streams the same rows into the HTTP answer. Either way no export text is
 * built in memory or crosses the bridge, whatever the number of rows.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import type { SavedExport } from '../../core/api';
import type { HistoryFilter } from '../../core/history';
import { fail, ok, worded, type Result } from '../../core/result';
import { msg } from '../../core/i18n/render';
import { writeExport, type ExportFormat } from '../history/export';
import type { HandlerDeps, OpImpls } from './handlers';

/** The desktop shell's save dialog: where to write, or cancelled. */
export type ExportSaver = (suggestedName: string, format: ExportFormat) => Promise<{ canceled: boolean; filePath?: string }>;

/** A download waiting for its GET: what to call the file and how to write it. */
export interface PendingDownload {
  filename: string;
  contentType: string;
  write(out: Writable): Promise<number>;
}

/** A ticket is good for one GET within this time. */
export const DOWNLOAD_TICKET_TTL_MS = 60_000;
/** At most this many tickets wait at once; the oldest goes first. */
const MAX_TICKETS = 8;

/** One-time download tickets: 192 random bits each, used once, forgotten after a minute. */
export class DownloadTickets {
  private readonly pending = new Map<string, { at: number; download: PendingDownload }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(download: PendingDownload): string {
    this.sweep();
    while (this.pending.size >= MAX_TICKETS) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    const ticket = randomBytes(24).toString('base64url');
    this.pending.set(ticket, { at: this.now(), download });
    return ticket;
  }

  /** The download for a ticket, once; undefined when unknown, used or expired. */
  take(ticket: string): PendingDownload | undefined {
    this.sweep();
    const entry = this.pending.get(ticket);
    this.pending.delete(ticket);
    return entry?.download;
  }

  private sweep(): void {
    const cutoff = this.now() - DOWNLOAD_TICKET_TTL_MS;
    for (const [t, e] of this.pending) if (e.at <= cutoff) this.pending.delete(t);
  }
}

const CONTENT_TYPE: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** Opens (creating or truncating) an owner-only file and streams the export into it. */
async function writeFileExport(path: string, write: (out: Writable) => Promise<number>): Promise<number> {
  const handle = await open(path, 'w', 0o600);
  // An existing file keeps its mode on open: narrow it like every file the console writes.
  await chmod(path, 0o600);
  const stream = handle.createWriteStream();
  return write(stream);
}

export function exportOps(deps: HandlerDeps & { exportSaver?: ExportSaver }, tickets: DownloadTickets): OpImpls<'saveHistoryExport'> {
  const now = deps.now ?? Date.now;
  const stamp = () => new Date(now()).toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const writer = (filter: HistoryFilter, format: ExportFormat) => (out: Writable) => {
    const at = now();
    return writeExport(deps.history.iterate(filter, at), format, at, out);
  };
  return {
    saveHistoryExport: async ({ filter, format }): Promise<Result<SavedExport>> => {
      if (filter.scope && filter.scope !== 'desk') {
        return fail(worded('BAD_REQUEST', msg('console', 'history.deskOnly.export'), { field: 'filter.scope' }));
      }
      const { total, totalCapped } = deps.history.count(filter, now());
      if (total === 0) return ok({ kind: 'empty' });
      const filename = `faceid-history-${stamp()}.${format}`;
      if (deps.exportSaver) {
        const where = await deps.exportSaver(filename, format);
        if (where.canceled || !where.filePath) return ok({ kind: 'cancelled' });
        const count = await writeFileExport(where.filePath, writer(filter, format));
        deps.log?.(`saveHistoryExport format=${format} rows=${count}`);
        return ok({ kind: 'saved', filename: basename(where.filePath), count });
      }
      const ticket = tickets.issue({ filename, contentType: CONTENT_TYPE[format], write: writer(filter, format) });
      return ok({ kind: 'download', url: `/download/${ticket}`, filename, count: total, countCapped: totalCapped });
    },
  };
}
