// The browser shell as a real child process (`tsx main/web/cli.ts`), as production runs it, and
// a small client for its API that authenticates the way the renderer does (token header).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ShellProcess {
  child: ChildProcess;
  origin: string;
  token: string;
  /** Everything the process printed so far. */
  output(): string;
}

/** Starts `main/web/cli.ts` on a data folder and resolves once it printed its launch URL. */
export function startShellProcess(
  dataDir: string,
  timeoutMs = 20_000,
  extra: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ShellProcess> {
  const args = ['--import', 'tsx', 'main/web/cli.ts', '--data-dir', dataDir, '--port', '0', ...(extra.args ?? [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: extra.env ?? process.env });
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser shell did not start in ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /ready: (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)\n/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1] ?? '', token: m[2] ?? '', output: () => seen });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (seen += c.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the browser shell exited (${code ?? signal}):\n${seen}`));
    });
  });
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Calls one operation as the renderer would; resolves to the Result. */
export async function callOp<T = unknown>(
  shell: { origin: string; token: string },
  op: string,
  request: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  const res = await fetch(`${shell.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-FaceID-Console-Token': shell.token },
    body: JSON.stringify(request),
  });
  return (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

/** Polls until `check` returns a value, or fails after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
