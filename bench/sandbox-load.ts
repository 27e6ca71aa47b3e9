/**
 * The sandbox at scale: get_token throughput at 50 connections (liveness only, and with one
 * ~300 KB photo), the sandbox's RSS after 100,000 tokens, and the console API's p99 latency while
 * its embedded sandbox is saturated. Load comes from autocannon; figures are printed, never asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startConsoleApp } from '../main/app/console-app';
import { startWebShell } from '../main/web/server';
import { getTokenBody } from './multipart';
import { noisyJpeg } from './photos';

export interface SandboxLoadFigures {
  liveness_req_per_s: number;
  photo_req_per_s: number;
  photo_bytes: number;
  tokens_issued: number;
  rss_mb_after_100k_tokens: number;
  heap_mb_after_100k_tokens: number;
  tokens_kept: number;
  console_p99_ms_while_saturated: number;
  console_median_ms_while_saturated: number;
  saturating_req_per_s: number;
}

const TOKENS = 100_000;

interface SandboxChild {
  child: ChildProcess;
  baseUrl: string;
  /** Memory after a full GC, and how many tokens the sandbox keeps. */
  memory(): Promise<{ rss: number; heapUsed: number; tokens: number }>;
}

async function startChild(env: NodeJS.ProcessEnv): Promise<SandboxChild> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'sandbox-child.ts')], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const next = () => new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code})`)));
    lines.once('line', resolve);
  });
  const baseUrl = (JSON.parse(await next()) as { baseUrl: string }).baseUrl;
  return {
    child,
    baseUrl,
    memory: async () => {
      const answer = next();
      child.stdin?.write('memory\n');
      return JSON.parse(await answer) as { rss: number; heapUsed: number; tokens: number };
    },
  };
}

interface Load {
  url: string;
  /** A file holding the request body. */
  bodyFile: string;
  contentType: string;
  durationS?: number;
  amount?: number;
}

const AUTOCANNON = join(import.meta.dirname, '../node_modules/autocannon/autocannon.js');

/** Runs autocannon (its CLI, in a process of its own) at 50 connections; resolves with its summary. */
function cannon(l: Load): Promise<{ rps: number; ok: number; non2xx: number; errors: number }> {
  const budget = l.amount ? ['-a', String(l.amount)] : ['-d', String(l.durationS ?? 10)];
  const gen = spawn(process.execPath, [AUTOCANNON, '-c', '50', ...budget, '-m', 'POST', '-H', `content-type=${l.contentType}`, '-i', l.bodyFile, '-j', `${l.url}/faceid/lite/get_token`], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  gen.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    gen.once('exit', () => {
      try {
        const r = JSON.parse(out) as { requests: { average: number }; '2xx': number; non2xx: number; errors: number };
        resolve({ rps: Math.round(r.requests.average), ok: r['2xx'], non2xx: r.non2xx, errors: r.errors });
      } catch {
        reject(new Error(`autocannon printed no summary: ${out.slice(0, 200)}`));
      }
    });
  });
}

/** Writes a get_token body to a file for autocannon. */
function bodyFile(dir: string, name: string, b: { body: Buffer; contentType: string }): { bodyFile: string; contentType: string } {
  const file = join(dir, name);
  writeFileSync(file, b.body);
  return { bodyFile: file, contentType: b.contentType };
}

/** Throughput and RSS against a sandbox in its own process; `capped` false measures the unbounded store. */
export async function benchSandboxScale(capped = true): Promise<Omit<SandboxLoadFigures, 'console_p99_ms_while_saturated' | 'console_median_ms_while_saturated' | 'saturating_req_per_s'>> {
  const { child, baseUrl, memory } = await startChild(capped ? {} : { SANDBOX_MAX_FLOWS: '0' });
  const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-load-'));
  try {
    const liveness = bodyFile(dir, 'liveness.bin', getTokenBody('bench-key', 'bench-secret'));
    const photo = await noisyJpeg(300_000);
    const withPhoto = bodyFile(dir, 'photo.bin', getTokenBody('bench-key', 'bench-secret', photo));
    await cannon({ url: baseUrl, ...liveness, durationS: 2 });
    const live = await cannon({ url: baseUrl, ...liveness });
    const pic = await cannon({ url: baseUrl, ...withPhoto });
    let issued = live.ok + pic.ok;
    // Warm-up tokens count too; issue the rest of the 100,000 as liveness-only calls.
    const rest = Math.max(0, TOKENS - issued);
    if (rest > 0) issued += (await cannon({ url: baseUrl, ...liveness, amount: rest })).ok;
    const mem = await memory();
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    return {
      liveness_req_per_s: live.rps,
      photo_req_per_s: pic.rps,
      photo_bytes: photo.length,
      tokens_issued: issued,
      rss_mb_after_100k_tokens: mb(mem.rss),
      heap_mb_after_100k_tokens: mb(mem.heapUsed),
      tokens_kept: mem.tokens,
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The browser shell's listProfiles latency while a child autocannon saturates the embedded sandbox. */
export async function benchConsoleWhileSaturated(): Promise<{ p99: number; median: number; rps: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-sat-'));
  const app = await startConsoleApp({ dataDir: join(dir, 'data') });
  const shell = await startWebShell({ handlers: app.handlers, rendererDir: join(dir, 'none') });
  try {
    const load = bodyFile(dir, 'body.bin', getTokenBody(app.sandbox.apiKey, app.sandbox.apiSecret));
    // The load generator runs in its own process, so only the sandbox's work shares our event loop.
    let running = true;
    const done = cannon({ url: app.sandbox.baseUrl, ...load, durationS: 8 }).finally(() => (running = false));
    await new Promise((r) => setTimeout(r, 1500));
    const origin = `http://127.0.0.1:${shell.port}`;
    const samples: number[] = [];
    const until = performance.now() + 5000;
    while (running && performance.now() < until) {
      const t = performance.now();
      const res = await fetch(`${origin}/api/listProfiles`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-FaceID-Console-Token': shell.token, Origin: origin }, body: '{}' });
      await res.json();
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
    const { rps } = await done;
    const sorted = samples.sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return { p99: Math.round(q(0.99) * 10) / 10, median: Math.round(q(0.5) * 10) / 10, rps };
  } finally {
    await shell.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('sandbox-load.ts')) {
  const capped = process.argv.includes('--uncapped') ? false : true;
  const scale = await benchSandboxScale(capped);
  const sat = await benchConsoleWhileSaturated();
  process.stdout.write(`${JSON.stringify({ ...scale, console_p99_ms_while_saturated: sat.p99, console_median_ms_while_saturated: sat.median, saturating_req_per_s: sat.rps }, null, 2)}\n`);
}
