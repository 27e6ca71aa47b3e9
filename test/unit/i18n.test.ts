import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCountdown, formatDateTime, formatDuration, formatTime } from '../../core/i18n/format';
import { defineMessages } from '../../core/i18n/messages';
import { matchLocale, resolveLocale } from '../../core/i18n/locales';
import { SettingsStore } from '../../main/settings/settings';
import { NAMESPACES } from '../../renderer/i18n/namespaces';
import { bundleProblems } from '../support/messages';

describe('message tables', () => {
  it.each(Object.entries(NAMESPACES))('namespace %s has every key in every language, valid ICU, same placeholders', (name, bundle) => {
    expect(bundleProblems(name, bundle)).toEqual([]);
  });

  it('refuses at compile time a translation that misses or adds a key', () => {
    // @ts-expect-error: id lacks b
    const missing = defineMessages({ en: { a: 'A', b: 'B' }, id: { a: 'A' }, zh: { a: 'A', b: 'B' } });
    // @ts-expect-error: id has a key English lacks
    const extra = defineMessages({ en: { a: 'A' }, id: { a: 'A', z: 'Z' }, zh: { a: 'A' } });
    // The type check is the guard; at run time the same tables are reported too.
    expect(bundleProblems('missing', missing)).toEqual(['missing: id lacks b']);
    expect(bundleProblems('extra', extra)).toEqual(['extra: id has extra z']);
  });

  it('reports a missing key, an extra key, broken ICU and a renamed placeholder', () => {
    const broken = defineMessages({
      en: { a: 'Hello {name}', b: '{count, plural, one {# call} other {# calls}}' },
      id: { a: 'Halo {nama}', b: '{count, plural, other {# panggilan}' },
      zh: { a: '你好 {name}', b: '{count, plural, other {# 次调用}}' },
    });
    // Built around the type check on purpose, as a JSON table loaded at run time could be.
    const loose = { ...broken, zh: { a: '你好 {name}', c: 'extra' } } as unknown as typeof broken;
    const problems = bundleProblems('probe', loose);
    expect(problems).toContain('probe: id a uses {nama} where English uses {name}');
    expect(problems.some((p) => p.startsWith('probe: id b is not a valid ICU message'))).toBe(true);
    expect(problems).toContain('probe: zh lacks b');
    expect(problems).toContain('probe: zh has extra c');
  });
});

describe('choosing the language', () => {
  it('follows the first preferred language the console speaks', () => {
    expect(matchLocale(['fr-FR', 'id-ID', 'en'])).toBe('id');
    expect(matchLocale(['in'])).toBe('id');
    expect(matchLocale(['zh-TW'])).toBe('zh');
    expect(matchLocale(['de'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });

  it('uses the setting unless it is auto', () => {
    expect(resolveLocale('zh', ['id-ID'])).toBe('zh');
    expect(resolveLocale('auto', ['id-ID'])).toBe('id');
  });

  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('persists the language without undoing other settings, and defaults to auto', () => {
    dir = mkdtempSync(join(tmpdir(), 'faceid-lang-'));
    const store = SettingsStore.open(dir);
    expect(store.get().language).toBe('auto');
    store.update({ operator: 'Dewi', retentionDays: 30 });
    store.update({ language: 'id' });
    const reopened = SettingsStore.open(dir).get();
    expect(reopened).toMatchObject({ operator: 'Dewi', retentionDays: 30, language: 'id' });
  });
});

describe('dates, times and durations', () => {
  const at = Date.UTC(2026, 11, 1, 19, 31, 50);

  it('writes a date and time in each locale, with the zone when asked', () => {
    expect(formatDateTime(at, 'en', { timeZone: 'UTC', withZone: true })).toMatch(/Dec.*2026.*19:31:50.*UTC/);
    expect(formatDateTime(at, 'id', { timeZone: 'UTC' })).toMatch(/Des.*2026.*19[.:]31[.:]50/);
    expect(formatDateTime(at, 'zh', { timeZone: 'UTC' })).toMatch(/2026.*12.*1.*19:31:50/);
    expect(formatTime(at, 'en', { timeZone: 'Asia/Jakarta' })).toBe('02:31');
  });

  it('counts down as m:ss and writes durations in words', () => {
    expect(formatCountdown(3595)).toBe('59:55');
    expect(formatCountdown(3725)).toBe('1:02:05');
    expect(formatCountdown(-3)).toBe('0:00');
    expect(formatDuration(65_000, 'en')).toMatch(/1 min.*5 sec/);
    expect(formatDuration(65_000, 'zh')).toMatch(/1.*分钟.*5.*秒/);
    expect(formatDuration(250, 'en')).toBe('250 ms');
  });
});
