/**
 * Start-to-usable of `npm start` where the Electron binary is unavailable: from launch until the
 * browser shell answers its page (the build included), and of the built shell alone
 * (`node out/main/web.js`). `--no-open`, so no browser is started by the bench.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface StartFigures {
  /** Launch to the first 200 from the shell's page. */
  usable_ms: number;
  /** Launch to the printed URL. */
  url_printed_ms: number;
}

/** Runs `args` with node, waits for the launch URL and a 200 from it, then stops the process group. */
async function timeStart(args: string[]): Promise<StartFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'faceid-bench-start-'));
  const started = performance.now();
  // Its own process group, so the launcher and the shell it starts stop together.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FACEID_CONSOLE_DATA_DIR: dir },
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 180 s:\n${out}`)), 180_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /ready: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => reject(new Error(`exited (${code}):\n${out}`)));
    });
    const printed = performance.now() - started;
    for (;;) {
      const ok = await fetch(`${url}/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return { usable_ms: Math.round(performance.now() - started), url_printed_ms: Math.round(printed) };
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm start` (build + browser shell) and the built shell alone. */
export async function benchStart(): Promise<{ npm_start: StartFigures; built_shell: StartFigures }> {
  const npmStart = await timeStart(['scripts/start.mjs', '--no-open']);
  const builtShell = await timeStart(['out/main/web.js', '--port', '0']);
  return { npm_start: npmStart, built_shell: builtShell };
}

if (process.argv[1]?.endsWith('start.ts')) process.stdout.write(`${JSON.stringify(await benchStart(), null, 2)}\n`);
