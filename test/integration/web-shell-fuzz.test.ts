// Property-based fuzzing of the browser shell behind a real startConsoleApp (what production
// runs): malformed request lines, headers, tokens, content types and bodies for every operation,
// sent raw over node:net. Pass: no 5xx, only documented statuses, JSON where JSON is documented,
// every answer quick, the process alive after each batch and its memory bounded.
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OP_NAMES, requestSchemas } from '../../core/api';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { WEB_SHELL_STATUSES, startWebShell, type WebShell } from '../../main/web/server';
import { rawRequest, type RawReply, type RawRequest } from '../support/raw-http';

const BATCHES = [
  { seed: 20260101, runs: 320 },
  { seed: 8, runs: 320 },
  { seed: 1234567, runs: 320 },
  { seed: 99, runs: 320 },
];
/** Generous: a loopback answer takes milliseconds; this catches a stall, not slowness. */
const ANSWER_BOUND_MS = 2000;
const RSS_GROWTH_BOUND = 300 * 1024 * 1024;

const NASTY_TARGETS = [
  '//',
  '///',
  '//@/',
  '//@',
  '/%',
  '/%E0%A4%A',
  '/%c0%ae%c0%ae/secret',
  '/%00',
  '/a%00b',
  '/..',
  '/../..',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2fsecret',
  '/.%2e/secret',
  '/api',
  '/api/',
  '/api//listProfiles',
  '/api/listProfiles/',
  '/api/listProfiles/x',
  '/api/__proto__',
  '/api/constructor',
  '/api/%6CistProfiles',
  '*',
  'http://127.0.0.1/',
  'listProfiles',
  '/#x',
  '/?token=x',
  `/${'a'.repeat(5000)}`,
  `/${'%41'.repeat(700)}`,
  '/assets/app.js',
  '/index.html',
  '/\\..\\secret',
];
const PIECES = [
  '/',
  '//',
  '.',
  '..',
  '%',
  '%2',
  '%2f',
  '%2F',
  '%5c',
  '%00',
  '%ff',
  '%c0%ae',
  '%E0%A4%A',
  '%20',
  '@',
  ':',
  '?',
  '#',
  ';',
  '\\',
  '\u0000',
  '\u00e9',
  '\u{1F600}',
  'api',
  'index.html',
  'assets',
  'x',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'FOO', 'get', 'G E T', ''];
const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/jsonp',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
];

/** Mostly the well-formed value, so most requests get past the checks to the handlers. */
function mostly<T>(usual: T, ...odd: T[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
}

function keysOf(schema: z.ZodType): string[] {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : ['all', 'filter'];
  return [...keys, 'unexpected'];
}

describe('browser shell under fuzzing', () => {
  let dir: string;
  let app: ConsoleApp;
  let shell: WebShell;
  const statuses: Record<number, number> = {};
  /** The Result code of each JSON answer: shows how many requests got as far as the handlers. */
  const codes: Record<string, number> = {};
  let requests = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-web-fuzz-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>FaceID Console</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret'), 'outside the renderer folder');
    app = await startConsoleApp({ dataDir: join(dir, 'data') });
    shell = await startWebShell({ handlers: app.handlers, rendererDir: join(dir, 'renderer') });
  });

  afterAll(async () => {
    console.log(`fuzz: ${requests} requests, statuses ${JSON.stringify(statuses)}, codes ${JSON.stringify(codes)}`);
    await shell?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ours = () => `127.0.0.1:${shell.port}`;

  const target = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_TARGETS) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => `/${p.join('')}`) },
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.constantFrom(...OP_NAMES, 'noSuchOp'), mostly('', '?x=1', '/', '%00', '%'))
        .map(([op, tail]) => `/api/${op}${tail}`),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => `/${s}`) },
  );

  const payload = fc
    .constantFrom(...OP_NAMES)
    .chain((op) => fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...keysOf(requestSchemas[op])), fc.anything(), { maxKeys: 4 })));

  const body = fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: payload.map((p) => JSON.stringify(p) ?? 'undefined') },
    {
      weight: 2,
      arbitrary: payload.chain((p) => {
        const t = JSON.stringify(p) ?? '{}';
        return fc.nat({ max: Math.max(0, t.length - 1) }).map((n) => t.slice(0, n));
      }),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"ok":true}}', '[]', 'null', '1e999', '"x"', '{"a":'.repeat(2000), '\uFEFF{}') },
  );

  const request = fc.record({
    method: fc.oneof({ weight: 6, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom(...METHODS) }),
    target,
    host: mostly('ours', 'localhost', 'evil', 'other-port', 'missing', 'upper', 'two'),
    origin: mostly<string | undefined>(undefined, 'ours', 'http://evil.example', 'other-port', 'null'),
    site: mostly<string | undefined>(undefined, 'same-origin', 'same-site', 'cross-site', 'none'),
    token: mostly('right', 'missing', 'wrong', 'empty', 'longer'),
    contentType: mostly<string | undefined>('application/json', ...CONTENT_TYPES),
    body,
    framing: mostly('length', 'chunked', 'huge-declared', 'lying-length'),
    extra: mostly<[string, string] | undefined>(
      undefined,
      ['Upgrade', 'websocket'],
      ['Expect', '100-continue'],
      ['Expect', 'teapot'],
      ['Cookie', 'faceid_console_token=old'],
      ['Transfer-Encoding', 'gzip'],
    ),
    cut: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }),
  });

  type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

  function build(g: Generated): RawRequest {
    const headers: Record<string, string> = {};
    const host = {
      ours: ours(),
      localhost: `localhost:${shell.port}`,
      evil: `evil.example:${shell.port}`,
      'other-port': `127.0.0.1:${shell.port + 1}`,
      missing: '',
      upper: `LOCALHOST:${shell.port}`,
      two: ours(),
    }[g.host];
    if (host) headers.Host = host;
    if (g.origin)
      headers.Origin =
        g.origin === 'ours' ? `http://${ours()}` : g.origin === 'other-port' ? `http://127.0.0.1:${shell.port + 1}` : g.origin;
    if (g.site) headers['Sec-Fetch-Site'] = g.site;
    const token = { right: shell.token, missing: undefined, wrong: 'w'.repeat(shell.token.length), empty: '', longer: `${shell.token}x` }[
      g.token
    ];
    if (token !== undefined) headers['X-FaceID-Console-Token'] = token;
    if (g.contentType !== undefined) headers['Content-Type'] = g.contentType;
    if (g.extra) headers[g.extra[0]] = g.extra[1];
    let bytes = g.body === undefined ? undefined : Buffer.isBuffer(g.body) ? g.body : Buffer.from(g.body);
    if (bytes && g.framing === 'chunked') {
      headers['Transfer-Encoding'] = 'chunked';
      bytes = Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')]);
    } else if (g.framing === 'huge-declared') headers['Content-Length'] = String(1024 * 1024 * 1024);
    else if (bytes && g.framing === 'lying-length') headers['Content-Length'] = String(bytes.length + 7);
    const raw: RawRequest = { method: g.method, target: g.target, headers, body: bytes, timeoutMs: ANSWER_BOUND_MS + 1000 };
    if (g.host === 'two') raw.headers = { ...headers, 'X-Dup': '1' };
    const total = Buffer.byteLength(`${g.method} ${g.target} HTTP/1.1\r\n`) + 200 + (bytes?.length ?? 0);
    // A lying length never completes: the client hangs up instead, as a closed tab would.
    if (g.cut !== null) raw.cutAfter = Math.floor(g.cut * total);
    else if (g.framing === 'lying-length' || g.framing === 'huge-declared') raw.cutAfter = Number.MAX_SAFE_INTEGER;
    return raw;
  }

  function check(g: Generated, raw: RawRequest, r: RawReply): void {
    requests++;
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const what = `${g.method} ${JSON.stringify(g.target).slice(0, 120)} → ${r.status} ${r.body.slice(0, 200)}`;
    expect(r.ms, what).toBeLessThan(ANSWER_BOUND_MS);
    // No answer is allowed only when we hung up first.
    if (r.status === 0) expect(raw.cutAfter, what).toBeDefined();
    else expect(WEB_SHELL_STATUSES as readonly number[], what).toContain(r.status);
    if (g.method !== 'HEAD' && g.target.startsWith('/api/') && r.headers['content-type']?.startsWith('application/json')) {
      const parsed = JSON.parse(r.body) as { ok?: unknown; error?: { code?: string } };
      expect(typeof parsed.ok, what).toBe('boolean');
      const code = parsed.ok === true ? 'ok' : String(parsed.error?.code);
      codes[code] = (codes[code] ?? 0) + 1;
    }
    if (
      [401, 403, 404, 405, 413, 415].includes(r.status) &&
      g.method !== 'HEAD' &&
      g.target.startsWith('/api/') &&
      !/[?#%\\]/.test(g.target) &&
      g.method !== 'CONNECT'
    ) {
      expect(r.headers['content-type'], what).toMatch(/^application\/json/);
    }
    if (r.status === 200) expect(r.body, what).not.toContain('outside the renderer folder');
  }

  async function alive(): Promise<void> {
    const page = await rawRequest(shell.port, { target: '/', headers: { Host: ours() } });
    expect(page.status).toBe(200);
    const list = await rawRequest(shell.port, {
      method: 'POST',
      target: '/api/listProfiles',
      headers: { Host: ours(), 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true });
  }

  it('survives malformed requests of every kind with documented answers only', { timeout: 120_000 }, async () => {
    const rssBefore = process.memoryUsage().rss;
    for (const batch of BATCHES) {
      await fc.assert(
        fc.asyncProperty(request, async (g) => {
          const raw = build(g);
          check(g, raw, await rawRequest(shell.port, raw));
        }),
        { seed: batch.seed, numRuns: batch.runs, endOnFailure: true },
      );
      await alive();
    }
    expect(requests).toBeGreaterThanOrEqual(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(RSS_GROWTH_BOUND);
  });

  it('refuses real oversized bodies with 413 and stays up', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024, 0x20);
    for (const framing of ['length', 'chunked'] as const) {
      const headers: Record<string, string> = { Host: ours(), 'X-FaceID-Console-Token': shell.token, 'Content-Type': 'application/json' };
      let bytes = big;
      if (framing === 'chunked') {
        headers['Transfer-Encoding'] = 'chunked';
        bytes = Buffer.concat([Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from('\r\n0\r\n\r\n')]);
      }
      const r = await rawRequest(shell.port, { method: 'POST', target: '/api/importProfiles', headers, body: bytes, timeoutMs: 10_000 });
      requests++;
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      expect(r.status, framing).toBe(413);
    }
    await alive();
  });
});
