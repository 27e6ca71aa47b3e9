/**
 * The embedded sandbox as the console uses it, running in a worker thread of its own: its HTTP
 * server, form parsing, photo decoding and flows share no event loop with the console's API, so
 * a saturated sandbox cannot make the console wait. Every control is a typed message with a
 * reply (protocol.ts); errors come back as rejections; a call unanswered within CALL_TIMEOUT_MS
 * fails and the worker is replaced. A worker that dies is restarted on the same port (its tokens,
 * kept in memory only, are gone, as with any restarted sandbox); one that cannot be restarted is
 * reported, and every later call fails at once: the console is never left waiting.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkFaultPlan, type SandboxFaultPlan } from '../faults';
import type { FaceCheck } from '../get-token';
import type { FlowEndedEvent, FlowOpenedEvent } from '../flows';
import type { IssuedToken } from '../tokens';
import type { FromWorker, SandboxCalls, SandboxMethod, SandboxSnapshot, ToWorker, WorkerStart } from './protocol';

export type { SandboxSnapshot } from './protocol';

export interface EmbeddedSandboxOptions {
  /** 127.0.0.1 by default; the embedded sandbox always listens on loopback first. */
  host?: string;
  /** 0 (default) picks a free port; a restarted worker takes the same one again. */
  port?: number;
  apiKey: string;
  apiSecret: string;
  lenient?: boolean;
  maxFlows?: number;
  /** Where restarts and failures are told. */
  log?: (line: string) => void;
  /** How long a control call may wait for the worker, ms (default CALL_TIMEOUT_MS). */
  callTimeoutMs?: number;
}

/** The console's handle on its embedded sandbox (what main/services use). */
export interface EmbeddedSandbox {
  /** The loopback base URL the built-in profile calls, e.g. http://127.0.0.1:40123. */
  readonly baseUrl: string;
  readonly port: number;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly lenient: boolean;
  readonly detectFaces: boolean;
  /** The base URL on the LAN address the operator chose, while there is one (serveOnLan). */
  readonly lanBaseUrl: string | undefined;
  /** The base URL a customer's phone or browser is sent to: the LAN one when chosen, else loopback. */
  readonly publicBaseUrl: string;
  /** Applies to the next request (resolved once the worker has it). */
  setLenient(on: boolean): Promise<void>;
  /** Photos go through `check` (the pre-check's detector, on this thread) while set. */
  setFaceCheck(check: FaceCheck | undefined): Promise<void>;
  /** Replaces the fault plan (throws on a bad plan before anything is sent); null clears it. */
  setFaults(plan: SandboxFaultPlan | null): Promise<void>;
  /** Fault plan, newest callbacks and trust-log entries (at most `limit` each). */
  snapshot(limit?: number): Promise<SandboxSnapshot>;
  /** A token the sandbox issued, while it still keeps it. */
  token(token: string): Promise<IssuedToken | undefined>;
  tokenCount(): Promise<number>;
  /** Runs `task` as the console's own background fetch for bizId: no fault plan applies to it. */
  inBackground<T>(bizId: string, task: () => Promise<T>): Promise<T>;
  onFlowEnded(listener: (e: FlowEndedEvent) => void): () => void;
  onFlowOpened(listener: (e: FlowOpenedEvent) => void): () => void;
  /** Also serves on `host` (a non-loopback address of this machine), or on loopback only again (null). */
  serveOnLan(host: string | null): Promise<string | undefined>;
  close(): Promise<void>;
}

export const CALL_TIMEOUT_MS = 10_000;
/** Restarts within RESTART_WINDOW_MS beyond which a failing worker is given up and reported. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** Why a call to the embedded sandbox failed (its worker stopped, timed out, or refused). */
export class EmbeddedSandboxError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The built worker beside the bundle (electron-vite's `sandbox-worker` entry), else the TypeScript source through tsx. */
function workerSpec(): { url: URL; entry?: string } {
  for (const candidate of ['./sandbox-worker.js', '../sandbox-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(url)) return { url };
  }
  return { url: new URL('./worker-dev.mjs', import.meta.url), entry: new URL('./worker.ts', import.meta.url).href };
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

const workers = new WeakMap<EmbeddedSandbox, () => Worker | undefined>();
/** The worker thread now serving `sandbox` (tests end it to prove a crash is survived). */
export const workerOf = (sandbox: EmbeddedSandbox): Worker | undefined => workers.get(sandbox)?.();

/** Starts the sandbox's worker and resolves once it listens; rejects with the worker's reason if it cannot. */
export async function startEmbeddedSandbox(options: EmbeddedSandboxOptions): Promise<EmbeddedSandbox> {
  const callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
  const log = options.log ?? (() => {});
  const spec = workerSpec();
  const ended = new Set<(e: FlowEndedEvent) => void>();
  const opened = new Set<(e: FlowOpenedEvent) => void>();
  const state = {
    lenient: options.lenient === true,
    faceCheck: undefined as FaceCheck | undefined,
    lanHost: null as string | null,
    lanBaseUrl: undefined as string | undefined,
  };
  let worker: Worker | undefined;
  let ready: Promise<{ baseUrl: string; port: number }>;
  let baseUrl = '';
  let port = options.port ?? 0;
  let closing = false;
  let failed: string | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const restarts: number[] = [];

  const failAll = (why: string) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new EmbeddedSandboxError(why, 'SANDBOX_STOPPED'));
    }
    pending.clear();
  };

  const spawn = (): Promise<{ baseUrl: string; port: number }> => {
    const data: WorkerStart = {
      host: options.host ?? '127.0.0.1',
      port,
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      lenient: state.lenient,
      detectFaces: state.faceCheck !== undefined,
      maxFlows: options.maxFlows,
      entry: spec.entry,
    };
    const w = new Worker(spec.url, { workerData: data });
    worker = w;
    // The worker must not keep a CLI or a test process alive on its own.
    w.unref();
    return new Promise((resolve, reject) => {
      let started = false;
      w.on('message', (m: FromWorker) => {
        switch (m.kind) {
          case 'ready':
            started = true;
            resolve({ baseUrl: m.baseUrl, port: m.port });
            return;
          case 'startFailed':
            reject(new EmbeddedSandboxError(`the embedded sandbox could not start: ${m.message}`, m.code));
            void w.terminate();
            return;
          case 'reply': {
            const p = pending.get(m.id);
            if (!p) return;
            pending.delete(m.id);
            clearTimeout(p.timer);
            if (m.ok) p.resolve(m.value);
            else p.reject(new EmbeddedSandboxError(m.message, m.code));
            return;
          }
          case 'flowEnded':
            for (const l of [...ended]) l(m.event);
            return;
          case 'flowOpened':
            for (const l of [...opened]) l(m.event);
            return;
          case 'faceCheck': {
            const check = state.faceCheck;
            const reply = (r: ToWorker) => w.postMessage(r);
            if (!check) return reply({ kind: 'faceCheckReply', id: m.id, ok: false, message: 'face detection is off' });
            check(m.bytes, m.context).then(
              (answer) => reply({ kind: 'faceCheckReply', id: m.id, ok: true, answer }),
              (e: unknown) => reply({ kind: 'faceCheckReply', id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
            );
            return;
          }
        }
      });
      w.on('error', (e) => log(`embedded sandbox: its worker failed: ${e.message}`));
      w.on('exit', (code) => {
        if (!started) reject(new EmbeddedSandboxError(`the embedded sandbox's worker stopped before it listened (exit ${code})`));
        if (worker !== w) return;
        worker = undefined;
        failAll(`the embedded sandbox stopped (exit ${code})`);
        if (!closing) restart(code);
      });
    });
  };

  const restart = (code: number) => {
    const now = Date.now();
    while (restarts.length > 0 && now - (restarts[0] ?? 0) > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS) {
      failed = `the embedded sandbox stopped (exit ${code}) ${MAX_RESTARTS} times within a minute and is not restarted`;
      log(`embedded sandbox: ${failed}`);
      return;
    }
    restarts.push(now);
    log(`embedded sandbox: its worker stopped (exit ${code}); restarting it on port ${port} (tokens issued so far are gone)`);
    ready = spawn().then(async (r) => {
      // What the operator had switched on applies again.
      if (state.lanHost) {
        const lan = state.lanHost;
        await send('expose', { host: lan }).then(
          (e) => (state.lanBaseUrl = e.baseUrl ?? undefined),
          (e: unknown) => {
            state.lanHost = null;
            state.lanBaseUrl = undefined;
            log(`embedded sandbox: serving on ${lan} again failed (${e instanceof Error ? e.message : String(e)}); loopback only`);
          },
        );
      }
      log('embedded sandbox: restarted');
      return r;
    });
    ready.catch((e: unknown) => {
      failed = e instanceof Error ? e.message : String(e);
      log(`embedded sandbox: ${failed}`);
    });
  };

  /** Posts one call to the current worker (no waiting for readiness: restart uses it mid-start). */
  const send = <M extends SandboxMethod>(method: M, args: SandboxCalls[M]['args']): Promise<SandboxCalls[M]['result']> => {
    const w = worker;
    if (!w) return Promise.reject(new EmbeddedSandboxError('the embedded sandbox is not running', 'SANDBOX_STOPPED'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new EmbeddedSandboxError(`the embedded sandbox did not answer ${method} within ${callTimeoutMs} ms`, 'SANDBOX_TIMEOUT'));
        // A worker that cannot answer a control message is stuck: replace it.
        if (worker === w) void w.terminate();
      }, callTimeoutMs);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ kind: 'call', id, method, args } satisfies ToWorker);
    });
  };

  const call = async <M extends SandboxMethod>(method: M, args: SandboxCalls[M]['args']): Promise<SandboxCalls[M]['result']> => {
    if (closing) throw new EmbeddedSandboxError('the embedded sandbox is closed', 'SANDBOX_STOPPED');
    if (failed) throw new EmbeddedSandboxError(failed, 'SANDBOX_STOPPED');
    await ready;
    return send(method, args);
  };

  ready = spawn();
  ({ baseUrl, port } = await ready);

  const sandbox: EmbeddedSandbox = {
    get baseUrl() {
      return baseUrl;
    },
    get port() {
      return port;
    },
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    get lenient() {
      return state.lenient;
    },
    get detectFaces() {
      return state.faceCheck !== undefined;
    },
    get lanBaseUrl() {
      return state.lanBaseUrl;
    },
    get publicBaseUrl() {
      return state.lanBaseUrl ?? baseUrl;
    },
    async setLenient(on) {
      state.lenient = on;
      await call('setLenient', { on });
    },
    async setFaceCheck(check) {
      state.faceCheck = check;
      await call('setDetectFaces', { on: check !== undefined });
    },
    async setFaults(plan) {
      // A bad plan throws here, naming the field, as the in-process FaultControl does.
      await call('setFaults', { plan: plan ? checkFaultPlan(plan) : null });
    },
    snapshot: (limit = 100) => call('snapshot', { limit }),
    token: async (token) => (await call('token', { token })) ?? undefined,
    tokenCount: () => call('tokenCount', {}),
    async inBackground(bizId, task) {
      await call('background', { bizId, delta: 1 });
      try {
        return await task();
      } finally {
        await call('background', { bizId, delta: -1 }).catch(() => undefined);
      }
    },
    onFlowEnded(listener) {
      ended.add(listener);
      return () => void ended.delete(listener);
    },
    onFlowOpened(listener) {
      opened.add(listener);
      return () => void opened.delete(listener);
    },
    async serveOnLan(host) {
      const r = await call('expose', { host });
      state.lanHost = host;
      state.lanBaseUrl = r.baseUrl ?? undefined;
      return state.lanBaseUrl;
    },
    async close() {
      closing = true;
      const w = worker;
      worker = undefined;
      failAll('the embedded sandbox was closed');
      await w?.terminate();
    },
  };
  workers.set(sandbox, () => worker);
  return sandbox;
}
