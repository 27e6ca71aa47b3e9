/**
 * The standalone sandbox as a client developer runs it (`npm run sandbox` = `tsx main/sandbox/cli.ts`),
 * driven with the real `curl`. The long-running one is started as `node --import tsx` so that it
 * is our direct child: npx does not pass SIGTERM on and would leave the server running.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxBanner } from '../../main/sandbox/cli-options';
import { SANDBOX_SCENES } from '../../main/sandbox/defaults';
import { createSandbox } from '../../main/sandbox/server';

const run = promisify(execFile);
const children: ChildProcessWithoutNullStreams[] = [];

/** Starts the CLI; resolves with everything it printed once the banner is complete. */
function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/sandbox/cli.ts', ...args], { stdio: 'pipe' });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no banner within 15 s: ${out}`)), 15_000);
    const read = (c: Buffer) => {
      out += c.toString();
      if (out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, out });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited with ${code}: ${out}`));
    });
  });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('standalone sandbox (npm run sandbox)', () => {
  it('with --lenient accepts an unlisted procedure_type and prints what it took on trust on stderr', async () => {
    const { child, out } = await startCli(['--port', '0', '--lenient']);
    expect(out).toContain('mode:       lenient');
    const base = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1] ?? '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const form = [
      '-F',
      'api_key=sandbox-key',
      '-F',
      'api_secret=sandbox-secret',
      '-F',
      'return_url=https://e.example/r',
      '-F',
      'notify_url=https://e.example/n',
      '-F',
      'biz_no=trust-1',
      '-F',
      'comparison_type=-1',
      '-F',
      'uuid=u-1',
      '-F',
      'procedure_type=meglive_flash',
    ];
    const issued = await run('curl', ['-s', `${base}/faceid/lite/get_token`, ...form]);
    expect(JSON.parse(issued.stdout)).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    await expect.poll(() => stderr).toContain('accepted on trust: get_token procedure_type="meglive_flash" answered as "flash"');
    expect(stderr).toContain('[biz_no trust-1]');
    expect(stderr).not.toContain('sandbox-secret');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('prints its base URL and credentials, answers curl with a token, and stops on SIGTERM', async () => {
    const { child, out } = await startCli(['--port', '0', '--api-key', 'K', '--api-secret', 'S']);
    const base = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(base, out).toBeDefined();
    expect(out).toContain('api_key:    K');
    expect(out).toContain('api_secret: S');
    expect(out).toContain(`curl -s ${base}/faceid/lite/get_token -F api_key=K -F api_secret=S`);

    const form = [
      '-F',
      'api_key=K',
      '-F',
      'api_secret=S',
      '-F',
      'return_url=https://e.example/r',
      '-F',
      'notify_url=https://e.example/n',
      '-F',
      'biz_no=curl-1',
      '-F',
      'comparison_type=-1',
      '-F',
      'uuid=customer-1',
    ];
    const ok = await run('curl', ['-s', `${base}/faceid/lite/get_token`, ...form]);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      biz_id: expect.any(String),
      expired_time: expect.any(Number),
    });

    const photo = await run('curl', [
      '-s',
      `${base}/faceid/lite/get_token`,
      ...form.slice(0, -2),
      '-F',
      'comparison_type=0',
      '-F',
      'uuid=c-1',
      '-F',
      'image_ref1=@test/fixtures/face.jpg',
    ]);
    expect(JSON.parse(photo.stdout)).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{32}$/) });

    const bad = await run('curl', [
      '-s',
      '-w',
      '\n%{http_code}',
      `${base}/faceid/lite/get_token`,
      '-F',
      'api_key=K',
      '-F',
      'api_secret=wrong',
    ]);
    const [body, status] = bad.stdout.split('\n');
    expect(status).toBe('403');
    expect(JSON.parse(body ?? '')).toMatchObject({
      error: 'AUTHENTICATION_ERROR',
      request_id: expect.any(String),
      time_used: expect.any(Number),
    });

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('refuses a bad port with a clear message and exit code 2 (through npx tsx)', async () => {
    const r = await run('npx', ['tsx', 'main/sandbox/cli.ts', '--port', 'http']).catch((e: { code: number; stderr: string }) => e);
    expect(r).toMatchObject({ code: 2 });
    expect('stderr' in r ? r.stderr : '').toContain('--port must be a whole number from 0 to 65535, not "http"');
  });

  it('prints curl examples that work as pasted, even with credentials a shell or curl would misread', async () => {
    const sandbox = await createSandbox({ apiKey: "k'ey;1", apiSecret: '@se"c ret;type=x' });
    try {
      const banner = sandboxBanner({ ...sandbox, scenes: SANDBOX_SCENES });
      const commands = banner
        .replace(/\\\n\s*/g, '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('curl '));
      expect(commands).toHaveLength(2);
      const [liveness, comparison] = commands.map((c) => c.replace('@face.jpg', '@test/fixtures/face.jpg'));
      for (const command of [liveness, comparison]) {
        const { stdout } = await run('sh', ['-c', command ?? '']);
        expect(JSON.parse(stdout), command).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{32}$/) });
      }
      const photos = [...sandbox.tokens.values()].map((t) => Object.keys(t.photos).length);
      expect(photos).toEqual([0, 1]);
    } finally {
      await sandbox.close();
    }
  });
});
