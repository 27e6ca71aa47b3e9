/**
 * The embedded FaceID emulator: an HTTP server on 127.0.0.1 answering the documented paths with
 * the documented bodies, so the console and its tests do something real with no credentials.
 * Every JSON body, success or error, carries `request_id` ("<unix seconds>,<uuid4>") and
 * `time_used` (whole ms), as the service's do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DO_PATH, GET_RESULT_PATH, GET_TOKEN_PATH } from '../../core/faceid/endpoints';
import { CallbackLog, DEFAULT_NOTIFY_RETRY_DELAYS_MS, DEFAULT_NOTIFY_TIMEOUT_MS, Notifier, type CallbackLogEntry } from './callbacks';
import { handleDebug, isDebugPath } from './debug-routes';
import { SANDBOX_DEFAULT_HOST, SANDBOX_SCENES } from './defaults';
import { FaultControl, PROXY_502_ANSWER, deliverAnswer, magicFault, type Answer, type Fault, type SandboxFaults } from './faults';
import { FlowStore, type FlowEndedEvent, type FlowOpenedEvent } from './flows';
import { handleGetResult } from './get-result';
import { handleGetToken, type FaceCheck } from './get-token';
import { serialId } from './ids';
import { handleLiveness } from './liveness';
import { isLoopbackHost } from './loopback';
import { SERVER_TIMEOUTS, clientErrorAnswer, pathOf, type ServerTimeouts } from './http-guard';
import { discardRest, parseForm, type ReceivedForm } from './multipart';
import { serviceErrorBody } from './service-error';
import { msg } from '../../core/i18n/render';
import { TrustLog, type TrustEntry } from './trust-log';
import type { IssuedToken } from './tokens';

export type { IssuedToken } from './tokens';
export type { CallbackLogEntry } from './callbacks';
export type { SandboxFaultPlan, SandboxFaults } from './faults';
export type { FlowEndedEvent, FlowOpenedEvent } from './flows';
export type { TrustEntry } from './trust-log';
export { isLoopbackHost } from './loopback';
export { SERVER_TIMEOUTS, type ServerTimeouts } from './http-guard';

export interface SandboxOptions {
  /** 127.0.0.1 by default. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  apiKey: string;
  apiSecret: string;
  /** Injected clock, ms since the epoch: drives ids, expiry, result retention and log times. */
  now?: () => number;
  /** Scene id → flow timeout in seconds. Defaults to SANDBOX_SCENES. */
  scenes?: Readonly<Record<string, number>>;
  /**
   * Listen on a non-loopback address. Refused unless set: the sandbox accepts any caller that
   * knows its well-known default credentials, so it must not be reachable by accident.
   */
  exposeBeyondLoopback?: boolean;
  /**
   * true (default): get_token refuses a notify_url port the service does not call back on.
   * false: a notify_url on 127.x.x.x, localhost or [::1] may use any port (tests, local
   * development); other hosts keep the whitelist.
   */
  callbackPortCheck?: boolean;
  /** Delays before each notify_url retry, ms; default 2000, 10000, 30000 (so 4 attempts at most). */
  notifyRetryDelaysMs?: readonly number[];
  /** Timeout of each notify_url attempt, ms; default 5000. */
  notifyTimeoutMs?: number;
  /**
   * Lenient: accept what the vendor has not ruled out (arguments.ts, get-result.ts) and urlencoded
   * get_token bodies, answering as for the nearest documented value. Default strict.
   */
  lenient?: boolean;
  /** HTTP time limits, ms; default SERVER_TIMEOUTS (tests shorten them). */
  timeouts?: Partial<ServerTimeouts>;
  /** Tokens (flows) kept at most, the oldest forgotten first; default SANDBOX_MAX_FLOWS (flows.ts). */
  maxFlows?: number;
  /** Face detection on reference photos (opt-in; off without it): get-token.ts FaceCheck. */
  faceCheck?: FaceCheck;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:40123 — what a profile's base URL should be. */
  baseUrl: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Tokens issued so far, by token (for the liveness page and get_result). */
  tokens: Map<string, IssuedToken>;
  /** Every notify_url delivery attempt made and return_url hand-off served, newest last (at most 500). */
  callbackLog: readonly CallbackLogEntry[];
  /** Fault injection for the operator's next get_token / get_result calls. */
  faults: SandboxFaults;
  /** Whether the sandbox runs lenient now. */
  readonly lenient: boolean;
  /** Switches between strict and lenient; applies to the next request. */
  setLenient(lenient: boolean): void;
  /** Whether reference photos go through the face detector now. */
  readonly detectFaces: boolean;
  /** Turns the detector on (given one) or off; applies to the next request. */
  setFaceCheck(check: FaceCheck | undefined): void;
  /** What was accepted on trust (and, strict, refused with a note), newest last (at most 500). */
  trustLog: readonly TrustEntry[];
  /** Tells of each new trust-log entry (the CLI prints them on stderr); returns the unsubscribe function. */
  onTrusted(listener: (e: TrustEntry) => void): () => void;
  /**
   * Runs `task`, during which get_result calls for `bizId` are the console's own background
   * fetch: no fault plan applies to them (the plan is for the operator's next call).
   */
  inBackground<T>(bizId: string, task: () => Promise<T>): Promise<T>;
  /** Tells when a flow ends (outcome submitted, or the token expired unfinished); returns the unsubscribe function. */
  onFlowEnded(listener: (e: FlowEndedEvent) => void): () => void;
  /** Tells when a customer first opens a flow's liveness page; returns the unsubscribe function. */
  onFlowOpened(listener: (e: FlowOpenedEvent) => void): () => void;
  /**
   * Also serves the same sandbox on `host` (an address beyond loopback: a phone on the branch
   * Wi-Fi), on the same port when it is free; null stops that. Resolves to the extra base URL.
   */
  serveAlsoOn(host: string | null): Promise<string | undefined>;
  /** The base URL of that extra address, while there is one. */
  readonly extraBaseUrl: string | undefined;
  close(): Promise<void>;
}

/** How often running flows are checked for expiry (ending them as TIMEOUT, with notify). */
const EXPIRY_SWEEP_MS = 1000;

const TOO_LARGE_HTML =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** How much of an oversized or broken body is read and thrown away after the answer before hanging up. */
const LINGER_CAP_BYTES = 64 * 1024 * 1024;

function checkOptions(o: SandboxOptions): void {
  if (typeof o.apiKey !== 'string' || o.apiKey === '') throw new Error('The sandbox needs a non-empty apiKey.');
  if (typeof o.apiSecret !== 'string' || o.apiSecret === '') throw new Error('The sandbox needs a non-empty apiSecret.');
  const port = o.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`The sandbox port must be a whole number from 0 to 65535, not ${port}.`);
  const host = o.host ?? SANDBOX_DEFAULT_HOST;
  if (!isLoopbackHost(host) && !o.exposeBeyondLoopback) {
    throw new Error(`Refusing to serve the sandbox on ${host}: it is not a loopback address (set exposeBeyondLoopback to mean it).`);
  }
  for (const [id, seconds] of Object.entries(o.scenes ?? {})) {
    if (id === '' || !Number.isInteger(seconds) || seconds <= 0)
      throw new Error(`Scene "${id}" needs a positive whole number of seconds, not ${seconds}.`);
  }
  for (const ms of o.notifyRetryDelaysMs ?? []) {
    if (!Number.isInteger(ms) || ms < 0) throw new Error(`notifyRetryDelaysMs must hold whole numbers of ms, not ${ms}.`);
  }
  for (const [name, ms] of Object.entries(o.timeouts ?? {})) {
    if (!Number.isInteger(ms) || ms <= 0) throw new Error(`timeouts.${name} must be a positive whole number of ms, not ${ms}.`);
  }
  const timeout = o.notifyTimeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS;
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error(`notifyTimeoutMs must be a positive whole number of ms, not ${timeout}.`);
}

/** Whether a request body is declared urlencoded (rather than the multipart form-data the vendor asks for). */
function isUrlEncoded(req: IncomingMessage): boolean {
  return /^\s*application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
}

/** The address clients should use: a wildcard listen address is reached through loopback. */
function clientHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the sandbox and resolves once it listens. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  checkOptions(options);
  const now = options.now ?? Date.now;
  const scenes = { ...(options.scenes ?? SANDBOX_SCENES) };
  const tokens = new Map<string, IssuedToken>();
  const log = new CallbackLog();
  const faults = new FaultControl();
  const trust = new TrustLog(options.apiSecret);
  let lenient = options.lenient === true;
  let faceCheck = options.faceCheck;
  /** biz_ids whose get_result calls are the console's own background fetch right now (count per id). */
  const background = new Map<string, number>();
  const notifier = new Notifier({
    log,
    now,
    retryDelaysMs: [...(options.notifyRetryDelaysMs ?? DEFAULT_NOTIFY_RETRY_DELAYS_MS)],
    timeoutMs: options.notifyTimeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS,
  });
  const flows = new FlowStore({
    now,
    apiSecret: options.apiSecret,
    delivered: (flow) => {
      if (flow.token.params.notify_url) notifier.deliver(flow.token.params.notify_url, flow.data, flow.sign);
    },
    forgotten: (token) => tokens.delete(token.token),
    maxFlows: options.maxFlows,
  });

  /** A JSON answer; every one carries request_id and time_used, as the service's do. */
  const jsonAnswer = (status: number, body: Record<string, unknown>, startedAt: number): Answer => {
    // time_used measures real work (monotonic clock), not the injected clock, which tests freeze.
    const payload = { request_id: serialId(now()), ...body, time_used: Math.round(performance.now() - startedAt) };
    return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(payload) };
  };
  const send = (res: ServerResponse, answer: Answer) => {
    res.writeHead(answer.status, { 'Content-Type': answer.contentType });
    res.end(answer.body);
  };
  /** The answer a planned fault gives instead of the service's: the service never acts on the call. */
  const preempted = (fault: Fault | undefined, startedAt: number): Answer | undefined => {
    if (fault?.mode === 'proxy-502') return PROXY_502_ANSWER;
    if (fault?.mode === 'concurrency') return jsonAnswer(403, serviceErrorBody('CONCURRENCY_LIMIT_EXCEEDED'), startedAt);
    return undefined;
  };

  /**
   * The arguments of a parsed get_token body. A body that is no form carries none; the first one
   * the service looks for is api_key. A urlencoded body (the vendor says "用 form-data 格式请求",
   * send form-data) is read as none in strict mode, so a client that sends one fails here as it
   * would against a form-data-only server (400 MISSING_ARGUMENTS: api_key, inferred: the vendor
   * documents no 415 and no other code for it); lenient mode reads it. Both are logged.
   */
  function readableForm(req: IncomingMessage, form: Awaited<ReturnType<typeof parseForm>>): ReceivedForm {
    const none: ReceivedForm = { fields: new Map(), files: new Map() };
    if (form.kind !== 'ok') return none;
    if (!isUrlEncoded(req)) return form;
    const bizNo = form.fields.get('biz_no');
    const seen = { param: '(body)', value: 'application/x-www-form-urlencoded' };
    if (lenient) {
      trust.add(now(), 'get_token', { ...seen, note: msg('console', 'trust.urlencodedRead'), accepted: true }, bizNo);
      return form;
    }
    trust.add(now(), 'get_token', { ...seen, note: msg('console', 'trust.urlencodedRefused'), accepted: false }, bizNo);
    return none;
  }

  async function getToken(req: IncomingMessage, res: ServerResponse, startedAt: number): Promise<void> {
    const form = await parseForm(req);
    if (form.kind === 'too-large') {
      // The gateway refuses these before the service (or a fault plan) sees them.
      send(res, { status: 413, contentType: 'text/html', body: TOO_LARGE_HTML });
      if (!form.drained) discardRest(req, LINGER_CAP_BYTES);
      return;
    }
    // A broken body is answered at once; what the client still sends is read and dropped.
    if (form.kind === 'malformed') discardRest(req, LINGER_CAP_BYTES);
    // The request is in: from here the wait (decode queue, a held answer) is ours, not an idle
    // client's. Node restores its own timers for the next request on the connection.
    else req.socket.setTimeout(0);
    const planned = faults.take('get_token');
    const instead = preempted(planned, startedAt);
    if (instead) return deliverAnswer(res, instead, planned);
    const received = readableForm(req, form);
    const reply = await handleGetToken(received, {
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      scenes,
      callbackPortCheck: options.callbackPortCheck ?? true,
      lenient,
      nowMs: now(),
      faceCheck,
    });
    const bizNo = received.fields.get('biz_no');
    for (const t of reply.trusted ?? []) trust.add(now(), 'get_token', t, bizNo);
    // Magic transport uuids act only on a request that passed every check; a plan takes precedence.
    const fault = planned ?? (reply.issued ? magicFault(received.fields.get('uuid')) : undefined);
    if (fault?.mode === 'proxy-502') return deliverAnswer(res, PROXY_502_ANSWER, fault);
    if (reply.issued) {
      tokens.set(reply.issued.token, reply.issued);
      flows.add(reply.issued);
    }
    return deliverAnswer(res, jsonAnswer(reply.status, reply.body, startedAt), fault);
  }

  function getResult(req: IncomingMessage, res: ServerResponse, url: URL, startedAt: number): Promise<void> {
    req.resume();
    const planned = background.has(url.searchParams.get('biz_id') ?? '') ? undefined : faults.take('get_result');
    const instead = preempted(planned, startedAt);
    if (instead) return deliverAnswer(res, instead, planned);
    const reply = handleGetResult(url.searchParams, { apiKey: options.apiKey, apiSecret: options.apiSecret, flows, lenient });
    for (const t of reply.trusted) trust.add(now(), 'get_result', t);
    const answer = jsonAnswer(reply.status, reply.body, startedAt);
    return deliverAnswer(res, answer, planned);
  }

  async function route(req: IncomingMessage, res: ServerResponse, startedAt: number): Promise<void> {
    const url = pathOf(req.url);
    if (!url) {
      req.resume();
      return send(res, jsonAnswer(404, serviceErrorBody('API_NOT_FOUND'), startedAt));
    }
    const path = url.pathname;
    // Only the documented methods: POST get_token, GET get_result, GET/POST the liveness page.
    if (path === GET_TOKEN_PATH && req.method === 'POST') return getToken(req, res, startedAt);
    if (path === GET_RESULT_PATH && req.method === 'GET') return getResult(req, res, url, startedAt);
    if (path === DO_PATH && (req.method === 'GET' || req.method === 'POST')) return handleLiveness(req, res, url, { flows, log, now });
    if (isDebugPath(path)) return handleDebug(req, res, path, { log, faults });
    req.resume();
    send(res, jsonAnswer(404, serviceErrorBody('API_NOT_FOUND'), startedAt));
  }

  const limits: ServerTimeouts = { ...SERVER_TIMEOUTS, ...options.timeouts };
  // One request handler for every address served (loopback, and a LAN address when exposed).
  const makeServer = () => {
    const server = createServer(
      {
        headersTimeout: limits.headersMs,
        requestTimeout: limits.requestMs,
        keepAliveTimeout: limits.keepAliveMs,
        connectionsCheckingInterval: limits.checkEveryMs,
      },
      (req, res) => {
        const startedAt = performance.now();
        // A client that goes away mid-request errors these streams; that is no reason to crash.
        req.on('error', () => {});
        res.on('error', () => {});
        route(req, res, startedAt).catch(() => {
          if (!res.headersSent) send(res, jsonAnswer(500, serviceErrorBody('INTERNAL_ERROR'), startedAt));
          else res.destroy();
        });
      },
    );
    server.setTimeout(limits.idleMs);
    server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      // Answer what the parser refused if the socket can still take it; never throw from here.
      if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
      socket.end(clientErrorAnswer(err.code));
    });
    return server;
  };
  const listen = (srv: Server, port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, host, () => {
        srv.off('error', reject);
        resolve();
      });
    });
  const stop = (srv: Server) =>
    new Promise<void>((resolve) => {
      srv.close(() => resolve());
      srv.closeAllConnections();
    });
  const server = makeServer();
  const host = options.host ?? SANDBOX_DEFAULT_HOST;
  await listen(server, options.port ?? 0, host);
  /** The second listener, on an address beyond loopback the operator chose (serveAlsoOn). */
  let extra: { server: Server; host: string; baseUrl: string } | undefined;
  const sweep = setInterval(() => flows.expireDue(), EXPIRY_SWEEP_MS);
  sweep.unref();
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${clientHost(host)}:${port}`,
    port,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    tokens,
    callbackLog: log.entries,
    faults,
    get lenient() {
      return lenient;
    },
    get detectFaces() {
      return faceCheck !== undefined;
    },
    setFaceCheck(check) {
      faceCheck = check;
    },
    setLenient: (on) => {
      lenient = on;
    },
    trustLog: trust.entries,
    onTrusted: (listener) => trust.onEntry(listener),
    inBackground: async (bizId, task) => {
      background.set(bizId, (background.get(bizId) ?? 0) + 1);
      try {
        return await task();
      } finally {
        const left = (background.get(bizId) ?? 1) - 1;
        if (left > 0) background.set(bizId, left);
        else background.delete(bizId);
      }
    },
    onFlowEnded: (listener) => flows.onFlowEnded(listener),
    onFlowOpened: (listener) => flows.onFlowOpened(listener),
    get extraBaseUrl() {
      return extra?.baseUrl;
    },
    serveAlsoOn: async (other) => {
      if (extra && extra.host === other) return extra.baseUrl;
      if (extra) {
        const old = extra;
        extra = undefined;
        await stop(old.server);
      }
      if (other === null) return undefined;
      const srv = makeServer();
      try {
        // The same port as on loopback, so the two addresses read alike; another when it is taken.
        await listen(srv, port, other);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
        await listen(srv, 0, other);
      }
      extra = { server: srv, host: other, baseUrl: `http://${clientHost(other)}:${(srv.address() as AddressInfo).port}` };
      return extra.baseUrl;
    },
    close: async () => {
      clearInterval(sweep);
      notifier.close();
      await Promise.all([stop(server), ...(extra ? [stop(extra.server)] : [])]);
    },
  };
}
