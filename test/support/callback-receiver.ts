/**
 * A merchant's callback endpoint for tests: a real HTTP server on 127.0.0.1:0 that records every
 * request (method, path, query, urlencoded form) and answers with the statuses it is told to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  form: URLSearchParams;
}

export interface CallbackReceiver {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  received: ReceivedCallback[];
  /** Statuses for the next requests, in order; after them every request gets 200. */
  answerWith(statuses: number[]): void;
  /** Resolves once `count` requests arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export async function startReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  let statuses: number[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver.invalid');
      received.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        contentType: String(req.headers['content-type'] ?? ''),
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(statuses.shift() ?? 200, { 'Content-Type': 'text/plain' });
      res.end('received');
      for (const w of [...waiters]) w();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    answerWith: (s) => {
      statuses = [...s];
    },
    waitFor: (count, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} callback(s) within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Decodes the entities escapeHtml writes, as a browser does when it reads an attribute. */
export function htmlDecode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** The value of a hidden input in an HTML page, decoded. */
export function hiddenValue(html: string, name: string): string | undefined {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  return m?.[1] === undefined ? undefined : htmlDecode(m[1]);
}
