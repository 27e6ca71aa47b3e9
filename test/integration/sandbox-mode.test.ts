/**
 * The embedded sandbox's strict/lenient switch from the console: setSandboxMode applies it at once,
 * keeps it with the built-in profile across restarts, and getSandboxState shows what was accepted
 * on trust.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsoleApp } from '../../main/app/console-app';

const dir = mkdtempSync(join(tmpdir(), 'faceid-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const params = (biz_no: string) => ({
  return_url: 'https://bank.example/r',
  notify_url: 'https://bank.example/n',
  biz_no,
  comparison_type: '-1',
  uuid: 'customer-1',
  procedure_type: 'meglive_flash',
});

describe('sandbox mode from the console', () => {
  it('starts strict, switches to lenient at once, shows the trust log, and keeps the choice across a restart', async () => {
    const first = await startConsoleApp({ dataDir: dir });
    try {
      expect(await first.handlers.getSandboxState({})).toMatchObject({ ok: true, value: { lenient: false, trusted: [] } });
      const strict = await first.handlers.issueToken({ callId: 'mode-call-1', profileId: 'sandbox', params: params('mode-1'), photos: {} });
      expect(strict).toMatchObject({ ok: true, value: { outcome: 'failed', error: { code: 'BAD_ARGUMENTS', field: 'procedure_type' } } });

      const set = await first.handlers.setSandboxMode({ lenient: true });
      expect(set).toMatchObject({ ok: true, value: { lenient: true } });
      expect(first.sandbox.lenient).toBe(true);
      const lenient = await first.handlers.issueToken({
        callId: 'mode-call-2',
        profileId: 'sandbox',
        params: params('mode-2'),
        photos: {},
      });
      expect(lenient).toMatchObject({ ok: true, value: { outcome: 'issued' } });
      const state = await first.handlers.getSandboxState({});
      expect(state.ok && state.value.trusted.at(-1)).toMatchObject({
        endpoint: 'get_token',
        param: 'procedure_type',
        value: 'meglive_flash',
        treatedAs: 'flash',
        accepted: true,
        biz_no: 'mode-2',
      });
      expect(JSON.stringify(state)).not.toContain('sandbox-secret');
      expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toMatch(/"lenient":\s*true/);
    } finally {
      await first.close();
    }

    const second = await startConsoleApp({ dataDir: dir });
    try {
      expect(second.sandbox.lenient).toBe(true);
      // Editing the built-in profile keeps the mode.
      const sandboxProfile = (await second.vault.list())[0];
      if (!sandboxProfile) throw new Error('no built-in profile');
      await second.handlers.updateProfile({
        profileId: 'sandbox',
        profile: { name: sandboxProfile.name, color: '#276749', environment: 'sandbox', region: 'custom', defaults: {} },
      });
      expect(second.vault.sandboxLenient()).toBe(true);
      expect(await second.handlers.setSandboxMode({ lenient: false })).toMatchObject({ ok: true, value: { lenient: false } });
      expect(second.sandbox.lenient).toBe(false);
      expect(await second.handlers.setSandboxMode({ lenient: 'yes' } as never)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', field: 'lenient' },
      });
    } finally {
      await second.close();
    }
  });
});
