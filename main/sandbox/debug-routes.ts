/**
 * The sandbox's own debugging endpoints, for the standalone sandbox (in-process users have
 * `sandbox.callbackLog` and `sandbox.faults`):
 *   GET    /sandbox/callbacks → { callbacks: CallbackLogEntry[] }  (newest last)
 *   GET    /sandbox/faults    → { faults: plan | null }
 *   PUT    /sandbox/faults    ← JSON plan { latencyMs?, mode?, operation?, remaining? } (or null to clear) → { faults }
 *   DELETE /sandbox/faults    → { faults: null }
 * No credentials: the sandbox listens on loopback and these show only test data (callback
 * bodies are signed with the sandbox's own test secret, which its banner prints anyway). A web
 * page cannot change the plan: PUT and DELETE need a CORS preflight, which gets no CORS answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackLog } from './callbacks';
import type { FaultControl } from './faults';

export const CALLBACKS_PATH = '/sandbox/callbacks';
export const FAULTS_PATH = '/sandbox/faults';
const MAX_BODY_BYTES = 64 * 1024;

export interface DebugContext {
  log: CallbackLog;
  faults: FaultControl;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.on('error', () => resolve(undefined));
  });
}

/** Whether a path is one of the debugging endpoints. */
export const isDebugPath = (path: string): boolean => path === CALLBACKS_PATH || path === FAULTS_PATH;

/** Answers a request to a debugging endpoint; a method it lacks gets 405 with Allow. */
export async function handleDebug(req: IncomingMessage, res: ServerResponse, path: string, ctx: DebugContext): Promise<void> {
  if (path === CALLBACKS_PATH) {
    req.resume();
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Use GET.' });
    return sendJson(res, 200, { callbacks: ctx.log.entries });
  }
  if (req.method === 'GET') {
    req.resume();
    return sendJson(res, 200, { faults: ctx.faults.get() });
  }
  if (req.method === 'DELETE') {
    req.resume();
    ctx.faults.clear();
    return sendJson(res, 200, { faults: null });
  }
  if (req.method !== 'PUT') {
    req.resume();
    res.setHeader('Allow', 'GET, PUT, DELETE');
    return sendJson(res, 405, { error: 'Use GET, PUT or DELETE.' });
  }
  const text = await readBody(req);
  if (text === undefined) return sendJson(res, 413, { error: `The plan must be JSON under ${MAX_BODY_BYTES} bytes.` });
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch {
    return sendJson(res, 400, { error: 'The body is not JSON.' });
  }
  try {
    if (plan === null) ctx.faults.clear();
    else ctx.faults.set(plan as Parameters<FaultControl['set']>[0]);
  } catch (e) {
    return sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
  return sendJson(res, 200, { faults: ctx.faults.get() });
}
