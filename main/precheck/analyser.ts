/**
 * The pre-check's one interface: `analysePhoto(bytes) → findings`. The detector runs in a worker
 * thread (never a child process: the packaged app's runAsNode fuse is off), started on the first
 * call and kept, so the model loads once, lazily, and never on the event loop the console's API
 * shares. Replace the worker (or this file) to change detectors; judge.ts stays.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PhotoFindings } from '../../core/precheck/findings';
import { DEFAULT_PRECHECK_CONTEXT, judgePhoto, type PrecheckContext } from '../../core/precheck/judge';
import { unpackedPath } from './paths';
import type { AnalyseReply, AnalyseRequest, ReadyMessage } from './protocol';

/** loading: the detector is still starting (the photo can be asked again; the start goes on). */
export type PrecheckFailure = 'undecodable' | 'failed' | 'timeout' | 'busy' | 'loading';

/** Why a photo could not be analysed; `code` is what the renderer words. */
export class PrecheckError extends Error {
  constructor(
    readonly code: PrecheckFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface PhotoAnalyser {
  /** Findings for one photo, as the only reference image of a call with `context`'s parameters. */
  analysePhoto(bytes: Uint8Array, context?: PrecheckContext): Promise<PhotoFindings>;
  /** Milliseconds from starting the worker to its models being loaded, once they are. */
  readonly loadMs: number | undefined;
  /** idle: nothing started yet; loading: the worker is starting and loading its models; ready: loaded. */
  readonly state: 'idle' | 'loading' | 'ready';
  /** Starts the worker and its model load without a photo (later photos share the load). */
  warm(): void;
  close(): Promise<void>;
}

export interface AnalyserOptions {
  /** Per photo, counted once the models are loaded. */
  timeoutMs?: number;
  /**
   * How long a photo waits for the first model load before the answer is `loading` (the load goes
   * on, no deadline: on a busy machine it took 10 s). The caller says "still loading" and asks again.
   */
  loadPatienceMs?: number;
  /** Photos waiting or in analysis at most; more are refused as busy. */
  maxPending?: number;
}

/**
 * The built worker beside the bundle (electron-vite's `precheck-worker` entry) — in a packaged app
 * its copy in app.asar.unpacked (electron-builder.yml) — else the TypeScript source through tsx.
 */
function workerSpec(): { url: URL; workerData?: { entry: string } } {
  for (const candidate of ['./precheck-worker.js', '../precheck-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url)) return { url: pathToFileURL(unpackedPath(fileURLToPath(url))) };
  }
  return { url: new URL('./worker-dev.mjs', import.meta.url), workerData: { entry: new URL('./worker.ts', import.meta.url).href } };
}

/** Starts nothing until the first photo arrives. */
export function createPhotoAnalyser(options: AnalyserOptions = {}): PhotoAnalyser {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const loadPatienceMs = options.loadPatienceMs ?? 8_000;
  const maxPending = options.maxPending ?? 8;
  let worker: Worker | undefined;
  let ready = false;
  let loadMs: number | undefined;
  let nextId = 1;
  interface Pending {
    resolve: (r: AnalyseReply) => void;
    reject: (e: PrecheckError) => void;
    timer: NodeJS.Timeout;
    /** Sends the photo and arms the per-photo timeout: at once when loaded, else when the worker says it is. */
    send: () => void;
  }
  const pending = new Map<number, Pending>();

  const failAll = (error: PrecheckError) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };

  const start = (): Worker => {
    const spec = workerSpec();
    const startedAt = performance.now();
    ready = false;
    const w = new Worker(spec.url, { workerData: spec.workerData });
    w.on('message', (m: AnalyseReply | ReadyMessage) => {
      if ('ready' in m) {
        if (!m.ready) {
          if (worker === w) worker = undefined;
          failAll(new PrecheckError('failed', `the detector did not load: ${m.message}`));
          void w.terminate();
          return;
        }
        // Thread start, imports and model load, as the operator waits for them.
        loadMs = Math.round(performance.now() - startedAt);
        if (worker === w) ready = true;
        for (const p of pending.values()) p.send();
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      p.resolve(m);
    });
    w.on('error', (e) => {
      if (worker === w) worker = undefined;
      ready = false;
      failAll(new PrecheckError('failed', `the pre-check worker failed: ${e.message}`));
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      ready = false;
      failAll(new PrecheckError('failed', 'the pre-check worker stopped'));
    });
    // The worker must not keep a CLI or a test process alive on its own.
    w.unref();
    return w;
  };

  return {
    get loadMs() {
      return loadMs;
    },
    get state() {
      return !worker ? 'idle' : ready ? 'ready' : 'loading';
    },
    warm() {
      worker ??= start();
    },
    async analysePhoto(bytes, context = DEFAULT_PRECHECK_CONTEXT) {
      if (pending.size >= maxPending) throw new PrecheckError('busy', `${pending.size} photos are already being checked`);
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const reply = await new Promise<AnalyseReply>((resolve, reject) => {
        const stuck = () => {
          pending.delete(id);
          reject(new PrecheckError('timeout', `no answer within ${timeoutMs} ms`));
          // A stuck detector is restarted for the next photo.
          if (worker === w) worker = undefined;
          void w.terminate();
        };
        // Still loading: the photo waits here (not in the worker) loadPatienceMs, then hears
        // `loading` while the load goes on; the next ask may find the models loaded.
        const impatient = () => {
          pending.delete(id);
          reject(new PrecheckError('loading', `the detector is still loading after ${loadPatienceMs} ms`));
        };
        const entry: Pending = {
          resolve,
          reject,
          timer: setTimeout(impatient, loadPatienceMs),
          send: () => {
            clearTimeout(entry.timer);
            entry.timer = setTimeout(stuck, timeoutMs);
            w.postMessage({ id, bytes } satisfies AnalyseRequest);
          },
        };
        pending.set(id, entry);
        if (ready) entry.send();
      });
      if (!reply.ok) throw new PrecheckError(reply.code, reply.message);
      return judgePhoto(reply.raw, context);
    },
    async close() {
      const w = worker;
      worker = undefined;
      failAll(new PrecheckError('failed', 'the pre-check was closed'));
      await w?.terminate();
    },
  };
}
