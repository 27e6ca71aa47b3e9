import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('standalone sandbox (npm run sandbox)', () => {
  it('prints its base URL and credentials and answers a curl get_token with a token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/sandbox/cli.ts', '--port', '0', '--api-key', 'K', '--api-secret', 'S'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      });
      const base = banner.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      expect(base).toBeDefined();
      expect(banner).toContain('api_key:    K');
      const form = ['-F', 'api_key=K', '-F', 'api_secret=S', '-F', 'return_url=https://e.example/r', '-F', 'notify_url=https://e.example/n', '-F', 'biz_no=curl-1', '-F', 'comparison_type=-1'];
      const ok = await run('curl', ['-s', `${base}/faceid/lite/get_token`, ...form]);
      expect(JSON.parse(ok.stdout)).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{32}$/), biz_id: expect.any(String) });
      const bad = await run('curl', ['-s', '-w', '\n%{http_code}', `${base}/faceid/lite/get_token`, ...form.slice(0, 2), '-F', 'api_secret=wrong']);
      const [body, status] = bad.stdout.split('\n');
      expect(status).toBe('403');
      expect(JSON.parse(body ?? '')).toMatchObject({ error_message: 'AUTHENTICATION_ERROR', request_id: expect.any(String), time_used: expect.any(Number) });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
