import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../core/api';
import { DEFAULT_DESK_SETTINGS } from '../../core/desk';
import { planClone } from '../../renderer/features/history/clone';
import { dayStartMs, filterKey, toHistoryFilter, EMPTY_FORM } from '../../renderer/features/history/filter-form';
import { fromDraft } from '../../renderer/features/history/settings-form';
import { renderMessage, type MessageRef } from '../../core/i18n/render';
import { historyMessages } from '../../renderer/features/history/record-messages';

/** A problem reference of the history namespace as the operator reads it, in `locale`. */
const words = (ref: MessageRef | undefined, locale: 'en' | 'id' | 'zh' = 'en') =>
  ref ? renderMessage({ history: historyMessages }, ref, locale) : undefined;

const profile = (id: string, name: string): ProfileSummary => ({
  id,
  name,
  color: '#2f855a',
  environment: 'test',
  region: 'idn',
  baseUrl: 'https://api-idn.megvii.com',
  keyHint: '…abcd',
  hasSecret: true,
  secretStorage: 'encrypted',
  confirmProduction: false,
  builtIn: false,
  defaults: {},
  desk: DEFAULT_DESK_SETTINGS,
});

describe('history view logic', () => {
  it('sends a team scope only beyond this desk, and a change of scope is a change of filter', () => {
    expect(toHistoryFilter({ ...EMPTY_FORM, text: 'loan', scope: 'desk' }).filter).toEqual({ text: 'loan' });
    const branch = toHistoryFilter({ ...EMPTY_FORM, text: 'loan', scope: 'branch' }).filter;
    expect(branch).toEqual({ text: 'loan', scope: 'branch' });
    expect(filterKey(branch)).not.toBe(filterKey(toHistoryFilter({ ...EMPTY_FORM, text: 'loan', scope: 'all' }).filter));
    expect(filterKey(branch)).not.toBe(filterKey({ text: 'loan' }));
  });

  it('clones every sent parameter but the credentials and files, and plans the profile', () => {
    const row = {
      params: { api_key: 'k', api_secret: '[redacted]', biz_no: 'b-1', uuid: 'u', web_title: 'x', image_ref1: 'ignored' },
      profileId: 'p2',
      profileName: 'Staging',
    };
    const profiles = [profile('p1', 'Prod'), profile('p2', 'Staging')];
    const plan = planClone(row, profiles, 'p1');
    expect(plan.values).toEqual({ biz_no: 'b-1', uuid: 'u', web_title: 'x' });
    expect(plan.hidden).toEqual(['web_title']);
    expect(plan.profile).toEqual({ kind: 'switch', id: 'p2', name: 'Staging' });
    expect(planClone(row, [profile('p1', 'Prod')], 'p1').profile).toEqual({ kind: 'missing', name: 'Staging', activeName: 'Prod' });
  });

  it("finds another desk's profile by name: its id is that desk's own, the built-in sandbox's alone is the same everywhere", () => {
    const teamRow = { params: { biz_no: 'b-1' }, profileId: 'p1', profileName: 'bank test', desk: 'b01-desk-a' };
    const sandbox = { ...profile('sandbox', 'Sandbox (built-in)'), builtIn: true };
    // Here p1 is another profile: the id says nothing, the name does (in any letter case).
    const here = [sandbox, profile('p1', 'Prod'), profile('x9', 'Bank test')];
    expect(planClone(teamRow, here, 'sandbox').profile).toEqual({ kind: 'switch', id: 'x9', name: 'Bank test' });
    expect(planClone({ ...teamRow, profileName: 'Bank test' }, [...here, profile('x8', 'bank test')], 'x9').profile).toEqual({
      kind: 'same',
      name: 'Bank test',
    });
    expect(planClone({ ...teamRow, profileName: 'Staging' }, here, 'p1').profile).toEqual({
      kind: 'missing',
      name: 'Staging',
      activeName: 'Prod',
    });
    expect(planClone({ ...teamRow, profileId: 'sandbox', profileName: 'Sandbox (built-in)' }, here, 'p1').profile).toEqual({
      kind: 'switch',
      id: 'sandbox',
      name: 'Sandbox (built-in)',
    });
    // This desk's own call still goes by id.
    expect(planClone({ ...teamRow, desk: undefined }, here, 'sandbox').profile).toEqual({ kind: 'switch', id: 'p1', name: 'Prod' });
  });

  it('turns the filter form into the filter, with an inclusive "to" day', () => {
    const { filter, problem } = toHistoryFilter({
      ...EMPTY_FORM,
      text: '  desk-2026 ',
      status: 'expired',
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(problem).toBeUndefined();
    expect(filter).toMatchObject({ text: 'desk-2026', status: 'expired', from: dayStartMs('2026-11-01') });
    expect((filter.to ?? 0) - (filter.from ?? 0)).toBe(86_400_000);
    const reversed = toHistoryFilter({ ...EMPTY_FORM, from: '2026-11-02', to: '2026-11-01' }).problem;
    expect(words(reversed)).toMatch(/after the "to" date/);
    expect(words(reversed, 'id')).toContain('2026-11-02');
    expect(dayStartMs('29/11/2026')).toBeUndefined();
  });

  it('shows a capped count as "10,000+"', () => {
    // The list's count (renderer/features/history/format.ts formatCount) is this message.
    const count = (total: number, capped: boolean, locale: 'en' | 'id' | 'zh' = 'en') =>
      words({ ns: 'history', key: 'count', params: { total, capped: capped ? 'yes' : 'no' } }, locale);
    expect(count(10_000, true)).toBe('10,000+ calls');
    expect(count(1234, false)).toBe('1,234 calls');
    expect(count(1, false)).toBe('1 call');
    expect(count(1234, false, 'id')).toBe('1.234 panggilan');
  });

  it('checks the settings form field by field', () => {
    expect(fromDraft({ operator: ' desk 7 ', keepPhotos: false, retentionDays: '30', retentionRows: '' })).toEqual({
      settings: { operator: 'desk 7', keepPhotos: false, retentionDays: 30, retentionRows: 0 },
    });
    const bad = fromDraft({ operator: '', keepPhotos: true, retentionDays: 'ten', retentionRows: '99999999' });
    if (!('problems' in bad)) throw new Error('expected problems');
    expect(Object.keys(bad.problems).sort()).toEqual(['retentionDays', 'retentionRows']);
    expect(words(bad.problems.retentionDays)).toMatch(/whole number/);
    expect(words(bad.problems.retentionRows)).toMatch(/at most 10,000,000/);
    expect(words(bad.problems.retentionRows, 'id')).toMatch(/10\.000\.000/);
  });
});
