/**
 * The embedded sandbox's worker thread: its HTTP server, form parsing, decode queue, flows and
 * callbacks run here, so a saturated sandbox never stalls the event loop the console's API
 * answers on. The main thread drives it through `client.ts` (protocol.ts); the face detector stays
 * with the main thread's pre-check, asked per photo.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { isLoopbackHost } from '../loopback';
import type { LikelyAnswer } from '../../../core/precheck/findings';
import type { PrecheckContext } from '../../../core/precheck/judge';
import type { FaceCheck } from '../get-token';
import { createSandbox, type Sandbox } from '../server';
import type { FromWorker, SandboxCalls, SandboxMethod, ToWorker, WorkerStart } from './protocol';

const port = parentPort;
const start = workerData as WorkerStart;

/**
 * The operator's clicks come before the emulator's load: on Linux a nice value is per thread, so
 * this lowers the sandbox thread's priority only, and on a saturated 2-core desk PC the console's
 * API thread is scheduled first. Elsewhere it would lower the whole console, so it is left alone.
 */
const SANDBOX_THREAD_NICE = 10;
if (process.platform === 'linux') {
  try {
    setPriority(SANDBOX_THREAD_NICE);
  } catch {
    // Not permitted in this container or policy: the sandbox simply runs at normal priority.
  }
}

if (port) {
  const post = (m: FromWorker) => port.postMessage(m);
  let nextCheck = 1;
  const checks = new Map<number, { resolve: (a: LikelyAnswer) => void; reject: (e: Error) => void }>();
  /** The detector runs on the main thread's pre-check worker; each photo is one round trip. */
  const faceCheck: FaceCheck = (bytes: Uint8Array, context: PrecheckContext) =>
    new Promise<LikelyAnswer>((resolve, reject) => {
      const id = nextCheck++;
      checks.set(id, { resolve, reject });
      post({ kind: 'faceCheck', id, bytes, context });
    });
  /** Open background fetches: their end releases the sandbox's inBackground. */
  const background = new Map<string, Array<() => void>>();

  const calls = (
    s: Sandbox,
  ): { [M in SandboxMethod]: (args: SandboxCalls[M]['args']) => Promise<SandboxCalls[M]['result']> | SandboxCalls[M]['result'] } => ({
    setLenient: ({ on }) => {
      s.setLenient(on);
      return null;
    },
    setDetectFaces: ({ on }) => {
      s.setFaceCheck(on ? faceCheck : undefined);
      return null;
    },
    setFaults: ({ plan }) => {
      if (plan) s.faults.set(plan);
      else s.faults.clear();
      return null;
    },
    snapshot: ({ limit }) => ({ faults: s.faults.get(), callbacks: s.callbackLog.slice(-limit), trusted: s.trustLog.slice(-limit) }),
    token: ({ token }) => s.tokens.get(token) ?? null,
    tokenCount: () => s.tokens.size,
    background: ({ bizId, delta }) => {
      if (delta === 1) {
        // inBackground marks the id before its first await: the next get_result already sees it.
        void s.inBackground(bizId, () => new Promise<void>((done) => background.set(bizId, [...(background.get(bizId) ?? []), done])));
      } else {
        const waiting = background.get(bizId) ?? [];
        waiting.shift()?.();
        if (waiting.length === 0) background.delete(bizId);
      }
      return null;
    },
    expose: async ({ host }) => {
      if (host !== null && isLoopbackHost(host)) throw new Error(`${host} is a loopback address: the sandbox already serves it.`);
      return { baseUrl: (await s.serveAlsoOn(host)) ?? null };
    },
  });

  void (async () => {
    let sandbox: Sandbox;
    try {
      sandbox = await createSandbox({
        host: start.host,
        port: start.port,
        apiKey: start.apiKey,
        apiSecret: start.apiSecret,
        lenient: start.lenient,
        maxFlows: start.maxFlows,
        faceCheck: start.detectFaces ? faceCheck : undefined,
      });
    } catch (e) {
      post({ kind: 'startFailed', message: e instanceof Error ? e.message : String(e), code: (e as NodeJS.ErrnoException).code });
      return;
    }
    const table = calls(sandbox);
    sandbox.onFlowEnded((event) => post({ kind: 'flowEnded', event }));
    sandbox.onFlowOpened((event) => post({ kind: 'flowOpened', event }));
    port.on('message', (m: ToWorker) => {
      if (m.kind === 'faceCheckReply') {
        const c = checks.get(m.id);
        checks.delete(m.id);
        if (m.ok) c?.resolve(m.answer);
        else c?.reject(new Error(m.message));
        return;
      }
      void (async () => {
        try {
          const run = table[m.method] as (args: unknown) => unknown;
          post({ kind: 'reply', id: m.id, ok: true, value: await run(m.args) });
        } catch (e) {
          post({
            kind: 'reply',
            id: m.id,
            ok: false,
            message: e instanceof Error ? e.message : String(e),
            code: (e as NodeJS.ErrnoException).code,
          });
        }
      })();
    });
    post({ kind: 'ready', baseUrl: sandbox.baseUrl, port: sandbox.port });
  })();
}
