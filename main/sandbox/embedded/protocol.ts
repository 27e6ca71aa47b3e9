/**
 * Messages between the console's main thread and the embedded sandbox's worker thread
 * (`client.ts` ↔ `worker.ts`). Every call names a method of SandboxCalls and is answered once by
 * its id; events (flows, face checks) flow the other way.
 */
import type { PrecheckContext } from '../../../core/precheck/judge';
import type { CallbackLogEntry } from '../callbacks';
import type { SandboxFaultPlan } from '../faults';
import type { FlowEndedEvent, FlowOpenedEvent } from '../flows';
import type { LikelyAnswer } from '../../../core/precheck/findings';
import type { IssuedToken } from '../tokens';
import type { TrustEntry } from '../trust-log';

/** What the worker needs to start the sandbox (no functions: they do not cross threads). */
export interface WorkerStart {
  host: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  lenient: boolean;
  detectFaces: boolean;
  maxFlows?: number;
  /** The TypeScript entry, when the worker runs from source through tsx (worker-dev.mjs). */
  entry?: string;
}

/** The support panel's view of the sandbox, in one round trip. */
export interface SandboxSnapshot {
  faults: SandboxFaultPlan | null;
  callbacks: CallbackLogEntry[];
  trusted: TrustEntry[];
}

/** Method → argument and result. */
export interface SandboxCalls {
  setLenient: { args: { on: boolean }; result: null };
  setDetectFaces: { args: { on: boolean }; result: null };
  setFaults: { args: { plan: SandboxFaultPlan | null }; result: null };
  snapshot: { args: { limit: number }; result: SandboxSnapshot };
  token: { args: { token: string }; result: IssuedToken | null };
  tokenCount: { args: Record<string, never>; result: number };
  /** +1 while the console's own background fetch for bizId runs, -1 after. */
  background: { args: { bizId: string; delta: 1 | -1 }; result: null };
  /** Also serve on this address (same port when free), or stop serving beyond loopback (null). */
  expose: { args: { host: string | null }; result: { baseUrl: string | null } };
}
export type SandboxMethod = keyof SandboxCalls;

export type ToWorker =
  | { kind: 'call'; id: number; method: SandboxMethod; args: SandboxCalls[SandboxMethod]['args'] }
  | { kind: 'faceCheckReply'; id: number; ok: true; answer: LikelyAnswer }
  | { kind: 'faceCheckReply'; id: number; ok: false; message: string };

export type FromWorker =
  | { kind: 'ready'; baseUrl: string; port: number }
  | { kind: 'startFailed'; message: string; code?: string }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; message: string; code?: string }
  | { kind: 'flowEnded'; event: FlowEndedEvent }
  | { kind: 'flowOpened'; event: FlowOpenedEvent }
  | { kind: 'faceCheck'; id: number; bytes: Uint8Array; context: PrecheckContext };
