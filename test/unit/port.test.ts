import { describe, expect, it } from 'vitest';
import { parsePort } from '../../main/app/port';
import { parseSandboxArgs } from '../../main/sandbox/cli-options';
import { parseWebArgs } from '../../main/web/cli-options';

describe('one port parser for both command lines', () => {
  it('accepts decimal whole numbers from 0 to 65535', () => {
    expect(parsePort('0')).toEqual({ ok: true, port: 0 });
    expect(parsePort('8080')).toEqual({ ok: true, port: 8080 });
    expect(parsePort('65535')).toEqual({ ok: true, port: 65535 });
  });

  it('refuses every other spelling, naming the flag, the range and the value', () => {
    for (const text of ['', ' 80', '80 ', '+80', '-1', '1e3', '0x50', '8.0', '65536', '99999', '1'.repeat(400), 'Infinity']) {
      expect(parsePort(text), JSON.stringify(text)).toEqual({
        ok: false,
        message: `--port must be a whole number from 0 to 65535, not "${text}".`,
      });
    }
  });

  it('gives the browser shell and the sandbox the same verdicts', () => {
    for (const text of ['', '1e3', '0x50', '65536', '5000', '0']) {
      const web = parseWebArgs(['--port', text]);
      const sandbox = parseSandboxArgs(['--port', text]);
      expect(web.kind, text).toBe(sandbox.kind);
      if (web.kind === 'error' && sandbox.kind === 'error') expect(web.message).toBe(sandbox.message);
    }
  });

  it("parses the browser shell's other options and refuses unknown ones", () => {
    expect(parseWebArgs([])).toEqual({ kind: 'run', port: 0, dataDir: undefined, open: false });
    expect(parseWebArgs(['--data-dir', '/tmp/x', '--port', '8080'])).toEqual({ kind: 'run', port: 8080, dataDir: '/tmp/x', open: false });
    expect(parseWebArgs(['--open'])).toMatchObject({ kind: 'run', open: true });
    expect(parseWebArgs(['--data-dir', ''])).toEqual({ kind: 'error', message: '--data-dir must not be empty.' });
    expect(parseWebArgs(['--bogus'])).toMatchObject({ kind: 'error' });
    expect(parseWebArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
