import { describe, expect, it } from 'vitest';
import { curlField, parseSandboxArgs, SANDBOX_USAGE, sandboxBanner } from '../../main/sandbox/cli-options';
import { SANDBOX_DEFAULT_KEY, SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_SECRET, SANDBOX_SCENES } from '../../main/sandbox/defaults';

describe('sandbox command line', () => {
  it('defaults to loopback, port 7300 and the well-known sandbox credentials', () => {
    expect(parseSandboxArgs([])).toEqual({
      kind: 'run',
      options: {
        host: '127.0.0.1',
        port: SANDBOX_DEFAULT_PORT,
        apiKey: SANDBOX_DEFAULT_KEY,
        apiSecret: SANDBOX_DEFAULT_SECRET,
        exposeBeyondLoopback: false,
      },
      warnings: [],
    });
    expect([SANDBOX_DEFAULT_PORT, SANDBOX_DEFAULT_KEY, SANDBOX_DEFAULT_SECRET]).toEqual([7300, 'sandbox-key', 'sandbox-secret']);
  });

  it('takes port, credentials and host from the options', () => {
    const r = parseSandboxArgs(['--port', '5000', '--api-key', 'K', '--api-secret', 'S', '--host', 'localhost']);
    expect(r).toMatchObject({
      kind: 'run',
      options: { host: 'localhost', port: 5000, apiKey: 'K', apiSecret: 'S', exposeBeyondLoopback: false },
    });
  });

  it('serves beyond loopback only for an explicit --host, with a warning', () => {
    const r = parseSandboxArgs(['--host', '0.0.0.0']);
    expect(r).toMatchObject({ kind: 'run', options: { host: '0.0.0.0', exposeBeyondLoopback: true } });
    expect(r.kind === 'run' && r.warnings[0]).toMatch(/reachable from other machines/);
  });

  it('refuses bad input with a specific message', () => {
    expect(parseSandboxArgs(['--port', '65536'])).toEqual({
      kind: 'error',
      message: '--port must be a whole number from 0 to 65535, not "65536".',
    });
    expect(parseSandboxArgs(['--port', '-1'])).toMatchObject({ kind: 'error' });
    expect(parseSandboxArgs(['--api-secret', ''])).toEqual({ kind: 'error', message: '--api-secret must not be empty.' });
    expect(parseSandboxArgs(['--verbose'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining("Unknown option '--verbose'"),
    });
    expect(parseSandboxArgs(['extra'])).toMatchObject({ kind: 'error' });
    expect(parseSandboxArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('quotes curl form fields whose values curl or the shell would misread', () => {
    expect(curlField('api_key', 'sandbox-key')).toBe('-F api_key=sandbox-key');
    expect(curlField('api_secret', '@etc/passwd')).toBe('--form-string api_secret=@etc/passwd');
    expect(curlField('api_secret', "it's;x")).toBe(`--form-string 'api_secret=it'\\''s;x'`);
  });

  it('prints the base URL, the credentials, the scenes and a curl example', () => {
    const text = sandboxBanner({ baseUrl: 'http://127.0.0.1:7300', apiKey: 'K', apiSecret: 'S', scenes: SANDBOX_SCENES });
    expect(text).toContain('FaceID sandbox listening on http://127.0.0.1:7300');
    expect(text).toContain('api_secret: S');
    expect(text).toContain('sandbox-5min (300 s)');
    expect(text).toContain('sandbox:no-face');
    expect(text).toContain('curl -s http://127.0.0.1:7300/faceid/lite/get_token -F api_key=K -F api_secret=S');
  });

  it('turns the notify_url port check off for loopback only with --no-callback-port-check', () => {
    expect(parseSandboxArgs(['--no-callback-port-check'])).toMatchObject({ kind: 'run', options: { callbackPortCheck: false } });
    const plain = parseSandboxArgs([]);
    expect(plain.kind === 'run' && plain.options.callbackPortCheck).toBeUndefined();
  });

  it('lists the transport magic values and the debugging endpoints in the banner', () => {
    const text = sandboxBanner({ baseUrl: 'http://127.0.0.1:7300', apiKey: 'K', apiSecret: 'S', scenes: SANDBOX_SCENES });
    for (const shown of [
      'sandbox:reset',
      'sandbox:proxy-502',
      'sandbox:trickle',
      'sandbox:latency-<ms>',
      'http://127.0.0.1:7300/sandbox/callbacks',
      'http://127.0.0.1:7300/sandbox/faults',
    ])
      expect(text).toContain(shown);
  });
});

describe('sandbox command line: strict and lenient', () => {
  it('is strict unless --lenient is given, and says which in the banner', () => {
    const strict = parseSandboxArgs([]);
    expect(strict.kind === 'run' && strict.options.lenient).toBeUndefined();
    const lenient = parseSandboxArgs(['--lenient']);
    expect(lenient).toMatchObject({ kind: 'run', options: { lenient: true } });
    expect(parseSandboxArgs(['--lenient=yes'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--lenient') });
    const banner = (l: boolean) =>
      sandboxBanner({ baseUrl: 'http://127.0.0.1:7300', apiKey: 'K', apiSecret: 'S', scenes: SANDBOX_SCENES, lenient: l });
    expect(banner(false)).toContain('mode:       strict');
    expect(banner(true)).toContain('mode:       lenient');
  });
});

describe('sandbox command line: face detection', () => {
  it('detects faces only with --detect-faces, and lists the flag in the usage', () => {
    const plain = parseSandboxArgs([]);
    expect(plain.kind === 'run' && plain.options.detectFaces).toBeUndefined();
    expect(parseSandboxArgs(['--detect-faces'])).toMatchObject({ kind: 'run', options: { detectFaces: true } });
    expect(parseSandboxArgs(['--detect-faces=yes'])).toMatchObject({ kind: 'error' });
    expect(SANDBOX_USAGE).toContain('--detect-faces');
  });
});
