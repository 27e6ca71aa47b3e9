/**
 * The console's own refusals and notes (namespace `console`) reach the operator by reference:
 * real operations of the real handler table answer a code in `message` and their words in
 * `words`, and those words read in English, Bahasa Indonesia and Chinese from the same tables the
 * renderer registers. Every key of the table renders in every language with sample values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBaseUrl } from '../../core/faceid/regions';
import { FaultPlanError, MAX_FAULT_LATENCY_MS, checkFaultPlan } from '../../core/sandbox-faults';
import { consoleMessages } from '../../core/faceid/messages/console';
import { FACEID_MESSAGES, faceidText } from '../../core/faceid/messages';
import { LOCALES } from '../../core/i18n/locales';
import { messageAt, messageKeys } from '../../core/i18n/messages';
import { msg, type MessageRef } from '../../core/i18n/render';
import type { ApiError, Result } from '../../core/result';
import { startConsoleApp, type ConsoleApp } from '../../main/app/console-app';
import { parseProfileExport } from '../../main/vault/transfer';
import { VaultError } from '../../main/vault/vault';
import { NAMESPACES } from '../../renderer/i18n/namespaces';
import { bundleProblems, errorSaid } from '../support/messages';

/** Sample values for a key's placeholders: numbers where a plural or a count is expected, text otherwise. */
const SAMPLE: Record<string, string | number> = { limit: 3, ms: 120, n: 2, bytes: 1024, mb: 12, max: 2048, min: 2, port: 8080, id: 42 };
const sampleParams = (text: string) =>
  Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map(([, name = '']) => [name, SAMPLE[name] ?? `v_${name}`]));

/** The failure of a Result, failing the test when there is none. */
function failureOf<T>(r: Result<T>): ApiError {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

/** A refusal as the trusted side must give it: the code as the message, words that resolve in all three languages. */
function expectWorded(e: ApiError, code: string, key: string): MessageRef {
  expect(e.code).toBe(code);
  expect(e.message, `${code}: the message is the code, not a sentence`).toBe(code);
  const ref = e.words?.[0];
  expect(ref).toMatchObject({ ns: 'console', key });
  const texts = LOCALES.map((l) => errorSaid(e, l));
  for (const t of texts) expect(t, `${key} leaves no placeholder`).not.toMatch(/\{[a-z]+\}|console:/i);
  expect(new Set(texts).size, texts.join(' | ')).toBe(LOCALES.length);
  return ref as MessageRef;
}

describe('the console namespace', () => {
  it('is registered with the renderer and the CLI, complete and valid in every language', () => {
    expect(FACEID_MESSAGES.console).toBe(consoleMessages);
    expect(NAMESPACES.console).toBe(consoleMessages);
    expect(bundleProblems('console', consoleMessages)).toEqual([]);
  });

  it('renders every key in English, Bahasa Indonesia and Chinese, differently in each', () => {
    const keys = messageKeys(consoleMessages.en);
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      const ref = msg('console', key, sampleParams(messageAt(consoleMessages.en, key) ?? ''));
      const texts = LOCALES.map((l) => faceidText(ref, l));
      expect(new Set(texts).size, `${key}: ${texts.join(' | ')}`).toBe(LOCALES.length);
    }
    // ICU plurals: the fetch limit counts times.
    const limit = msg('console', 'result.fetchLimit', { limit: 3 });
    expect(faceidText(limit)).toContain('at most 3 times');
    expect(faceidText(limit, 'id')).toContain('paling banyak 3 kali');
    expect(faceidText(limit, 'zh')).toContain('最多应答 3 次');
    expect(faceidText(msg('console', 'result.fetchLimit', { limit: 1 }))).toContain('at most 1 time and');
  });

  it('words a custom base URL’s problem by reference', () => {
    expect(checkBaseUrl('https://api-idn.megvii.com')).toBeNull();
    expect(checkBaseUrl('http://127.0.0.1:8080')).toBeNull();
    expect(checkBaseUrl('ftp://x.example')).toEqual({ ns: 'console', key: 'baseUrl.scheme', params: { scheme: 'ftp' } });
    const plain = checkBaseUrl('http://bank.example') as MessageRef;
    expect(faceidText(plain, 'id')).toBe('Base URL harus memakai HTTPS (HTTP biasa hanya diizinkan untuk 127.0.0.1).');
    expect(faceidText(plain, 'zh')).toBe('base URL 必须使用 HTTPS（仅 127.0.0.1 允许使用 HTTP）。');
  });

  it('words a refused fault plan by reference, keeping the English text for the sandbox API', () => {
    const refusal = (plan: unknown): FaultPlanError => {
      try {
        checkFaultPlan(plan);
      } catch (e) {
        if (e instanceof FaultPlanError) return e;
        throw e;
      }
      throw new Error(`accepted ${JSON.stringify(plan)}`);
    };
    const latency = refusal({ latencyMs: -5 });
    expect(latency.ref).toEqual({ ns: 'console', key: 'faults.latency', params: { max: MAX_FAULT_LATENCY_MS } });
    expect(latency.message).toBe(faceidText(latency.ref));
    expect(faceidText(latency.ref, 'id')).toContain(`0 sampai ${MAX_FAULT_LATENCY_MS}`);
    expect(refusal({ when: 1 }).ref).toEqual({ ns: 'console', key: 'faults.unknownField', params: { field: 'when' } });
    expect(faceidText(refusal([]).ref, 'zh')).toBe('故障计划必须是一个 JSON 对象。');
    expect(refusal({ remaining: 0 }).ref.key).toBe('faults.remaining');
  });

  it('words an import that is not a profile export, saying where, and that exports carry no secrets', () => {
    const refusal = (text: string): VaultError => {
      try {
        parseProfileExport(text);
      } catch (e) {
        if (e instanceof VaultError) return e;
        throw e;
      }
      throw new Error('parsed');
    };
    expect(refusal('{"format": ').words[0]).toMatchObject({ ns: 'console', key: 'import.notJson' });
    const withSecret = refusal(
      JSON.stringify({
        format: 'faceid-console-profiles',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        profiles: [
          {
            name: 'A',
            color: '#805ad5',
            environment: 'test',
            region: 'idn',
            apiKey: 'k',
            confirmProduction: false,
            defaults: {},
            apiSecret: 's',
          },
        ],
      }),
    );
    expect(withSecret.code).toBe('INVALID_IMPORT');
    expect(withSecret.words.map((w) => w.key)).toContain('import.noSecrets');
    expect(faceidText(withSecret.words.at(-1) as MessageRef, 'id')).toBe(
      'Ekspor tidak pernah memuat secret; hapus bagian itu dan masukkan secret di konsol.',
    );
  });
});

describe('real refusals of the handler table', () => {
  let dir: string;
  let app: ConsoleApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-words-'));
    app = await startConsoleApp({ dataDir: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a code and words, never a sentence, and the words read in Bahasa Indonesia and Chinese', async () => {
    const h = app.handlers;
    const gone = expectWorded(failureOf(await h.getHistoryRow({ id: 424242 })), 'NOT_FOUND', 'history.rowGone');
    expect(gone.params).toEqual({ id: 424242 });
    expect(faceidText(gone, 'id')).toBe('Tidak ada baris riwayat 424242 (mungkin sudah dihapus).');
    expect(faceidText(gone, 'zh')).toBe('没有第 424242 条历史记录（可能已被删除）。');

    expectWorded(failureOf(await h.fetchResult({ historyId: 424242 })), 'NOT_FOUND', 'history.rowNotFound');
    expectWorded(failureOf(await h.deleteProfile({ profileId: 'sandbox' })), 'BUILT_IN', 'vault.builtInDelete');
    expectWorded(failureOf(await h.duplicateProfile({ profileId: 'sandbox' })), 'BUILT_IN', 'vault.builtInDuplicate');
    const missing = expectWorded(
      failureOf(await h.testConnection({ profileId: 'no-such-profile' })),
      'PROFILE_NOT_FOUND',
      'vault.profileNotFound',
    );
    expect(missing.params).toEqual({ id: 'no-such-profile' });
    expectWorded(failureOf(await h.importProfiles({ json: '[]' })), 'INVALID_IMPORT', 'import.notExport');
    // The team store's errors are codes with parameters already (the renderer's `team` namespace words them).
    expect(failureOf(await h.queryHistory({ filter: { scope: 'branch' }, limit: 10 }))).toMatchObject({
      code: 'TEAM_NOT_CONFIGURED',
      message: 'TEAM_NOT_CONFIGURED',
    });
    expectWorded(
      failureOf(await h.saveHistoryExport({ filter: { scope: 'all' }, format: 'csv' })),
      'BAD_REQUEST',
      'history.deskOnly.export',
    );
    expectWorded(failureOf(await h.getKeptPhoto({ sha256: 'a'.repeat(64) })), 'NOT_FOUND', 'history.photoNotKept');
    const badRequest = expectWorded(failureOf(await h.getHistoryRow({ id: 'x' })), 'BAD_REQUEST', 'request.invalidAt');
    expect(badRequest.params).toMatchObject({ op: 'getHistoryRow', where: 'id' });
    expectWorded(failureOf(await h.saveRecordPdf({ historyId: 424242 })), 'NOT_FOUND', 'history.rowNotFound');
  });

  it('words a callback check and a connection check by reference', async () => {
    const h = app.handlers;
    const check = await h.verifyCallback({ profileId: 'sandbox', data: '{"status":"OK"}', sign: 'not-hex' });
    if (!check.ok) throw new Error(check.error.code);
    expect(check.value).toMatchObject({ valid: false, words: [{ ns: 'console', key: 'signature.notHex' }] });
    expect(faceidText(check.value.words[0] as MessageRef, 'zh')).toContain('sign 不是 40 位十六进制字符');
    const notJson = await h.verifyCallback({ profileId: 'sandbox', data: 'x', sign: 'a'.repeat(40) });
    if (!notJson.ok) throw new Error(notJson.error.code);
    expect(notJson.value.decodeError).toMatchObject({ ns: 'console', key: 'signature.dataNotJson' });
    const connection = await h.testConnection({ profileId: 'sandbox' });
    if (!connection.ok) throw new Error(connection.error.code);
    expect(connection.value).toMatchObject({ ok: true, verdict: 'authenticated', words: [{ ns: 'console', key: 'connection.accepted' }] });
    expect(faceidText(connection.value.words[0] as MessageRef, 'id')).toMatch(
      /^Key dan secret diterima oleh http:\/\/127\.0\.0\.1:\d+ \(\d+ ms\)\.$/,
    );
  });
});
