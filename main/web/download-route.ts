/**
 * GET /download/<ticket>: the browser shell's one-time export download. The page cannot put its
 * access-token header on a download it hands to the browser, so the ticket is the capability:
 * 192 random bits from saveHistoryExport (itself behind the token), good for one GET within a
 * minute. Host, Origin and Sec-Fetch-Site are checked before this runs, as for every request.
 * The rows are written into the answer as they are read, waiting whenever the browser pushes back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DownloadTickets } from '../services/export-ops';
import { answerText, headersFor } from './respond';

const TICKET = /^[A-Za-z0-9_-]{32}$/;

export async function serveDownload(
  tickets: DownloadTickets | undefined,
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
  log?: (line: string) => void,
): Promise<void> {
  if (req.method !== 'GET') return answerText(res, 405, 'Method not allowed.', { close: true, headers: { Allow: 'GET' } });
  const ticket = segments[1] ?? '';
  const download = segments.length === 2 && TICKET.test(ticket) ? tickets?.take(ticket) : undefined;
  if (!download) return answerText(res, 404, 'This download link is unknown, used or expired; export again.', { close: true });
  res.writeHead(200, {
    ...headersFor(download.contentType, { close: true }),
    'Content-Disposition': `attachment; filename="${download.filename}"`,
  });
  try {
    const rows = await download.write(res);
    log?.(`download ${download.filename} rows=${rows}`);
  } catch (e) {
    // The browser went away mid-download: nothing left to answer.
    log?.(`download ${download.filename} broke off: ${e instanceof Error ? e.message : String(e)}`);
    res.destroy();
  }
}
