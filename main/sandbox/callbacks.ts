/**
 * The sandbox's side of the callbacks (faceid-api.md §4): the server-to-server notify_url POST
 * with its retries, and a log of every callback delivery the sandbox made (notify) or handed to
 * the browser (return).
 *
 * Choices where the docs are silent (§4.1, §9 q7):
 * - notify_url gets `application/x-www-form-urlencoded` fields `data` and `sign` by POST.
 * - Any 2xx answer is success; the body is not read for meaning.
 * - Each attempt times out after 5 s; a non-2xx answer, a network error or a timeout is retried
 *   after 2 s, 10 s and 30 s (4 attempts at most), then given up. Both are options.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { SandboxCallbackEntry } from '../../core/api';

/** One callback delivery, as the callback log and GET /sandbox/callbacks show it (the console's own type). */
export type CallbackLogEntry = SandboxCallbackEntry;

export const CALLBACK_LOG_LIMIT = 500;
export const DEFAULT_NOTIFY_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000];
export const DEFAULT_NOTIFY_TIMEOUT_MS = 5_000;
/** A receiver's answer body is drained, not kept: its meaning is undocumented. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** Newest last, at most CALLBACK_LOG_LIMIT entries (the oldest are dropped). */
export class CallbackLog {
  readonly entries: CallbackLogEntry[] = [];

  add(entry: CallbackLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > CALLBACK_LOG_LIMIT) this.entries.splice(0, this.entries.length - CALLBACK_LOG_LIMIT);
  }
}

export interface NotifierOptions {
  log: CallbackLog;
  now: () => number;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
}

type AttemptResult = { status: number } | { error: string };

/** Delivers notify_url callbacks in the background; close() stops every pending attempt. */
export class Notifier {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly requests = new Set<ClientRequest>();
  private closed = false;

  constructor(private readonly options: NotifierOptions) {}

  /** Starts delivering one callback (first attempt now); never throws. */
  deliver(url: string, data: string, sign: string): void {
    void this.attempt(url, data, sign, 1);
  }

  /** Stops retries and in-flight attempts (the sandbox is shutting down). */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const r of this.requests) r.destroy();
    this.requests.clear();
  }

  private async attempt(url: string, data: string, sign: string, attempt: number): Promise<void> {
    if (this.closed) return;
    const started = performance.now();
    const result = await this.post(url, new URLSearchParams({ data, sign }).toString());
    if (this.closed) return;
    const latencyMs = Math.round(performance.now() - started);
    this.options.log.add({ at: this.options.now(), kind: 'notify', url, method: 'POST', attempt, latencyMs, data, sign, ...result });
    const delivered = 'status' in result && result.status >= 200 && result.status < 300;
    const delay = this.options.retryDelaysMs[attempt - 1];
    if (delivered || delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(url, data, sign, attempt + 1);
    }, delay);
    this.timers.add(timer);
  }

  private post(url: string, body: string): Promise<AttemptResult> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (r: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.requests.delete(req);
        resolve(r);
      };
      let req: ClientRequest;
      try {
        const send = url.startsWith('https:') ? httpsRequest : httpRequest;
        req = send(
          url,
          {
            method: 'POST',
            agent: false,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) },
          },
          (res) => {
            let size = 0;
            res.on('data', (c: Buffer) => {
              size += c.length;
              if (size > MAX_ANSWER_BYTES) res.destroy();
            });
            res.on('end', () => settle({ status: res.statusCode ?? 0 }));
            // A receiver that answers a status and then hangs up still answered.
            res.on('close', () => settle({ status: res.statusCode ?? 0 }));
            res.on('error', () => undefined);
          },
        );
      } catch (e) {
        resolve({ error: e instanceof Error ? e.message : String(e) });
        return;
      }
      const timer = setTimeout(() => {
        settle({ error: `no answer within ${this.options.timeoutMs / 1000} s` });
        req.destroy();
      }, this.options.timeoutMs);
      this.requests.add(req);
      req.on('error', (e: NodeJS.ErrnoException) =>
        settle({ error: e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message }),
      );
      req.end(body);
    });
  }
}
