import { describe, expect, it } from 'vitest';
import { END_STATUSES } from '../../core/faceid/verification';
import { customerLocale } from '../../core/i18n/customer-locale';
import { LOCALES } from '../../core/i18n/locales';
import { messageAt, type MessageTree } from '../../core/i18n/messages';
import { PRESETS, parseChoice } from '../../main/sandbox/outcome-form';
import { sandboxPageMessages } from '../../main/sandbox/page-messages';
import { pageText } from '../../main/sandbox/page-text';
import type { IssuedToken } from '../../main/sandbox/tokens';
import { bundleProblems } from '../support/messages';

const token = {
  token: 't',
  biz_id: 'b',
  biz_no: 'n',
  expired_time: 1_800_000_000,
  params: { comparison_type: '-1' },
  photos: {},
  trusted: [],
  used: false,
} as unknown as IssuedToken;

describe('the sandbox-page message table', () => {
  it('has every key in every language, valid ICU, same placeholders', () => {
    expect(bundleProblems('sandbox-page', sandboxPageMessages)).toEqual([]);
  });

  it('words every preset and every end status the page offers, in every language', () => {
    for (const locale of LOCALES) {
      const tree = sandboxPageMessages[locale] as MessageTree;
      for (const p of PRESETS)
        for (const part of ['label', 'describe'])
          expect(messageAt(tree, `preset.${p.id}.${part}`), `${locale} ${p.id} ${part}`).toBeTruthy();
      for (const s of END_STATUSES) expect(messageAt(tree, `status.${s}`), `${locale} ${s}`).toBeTruthy();
    }
  });

  it('names every problem of an unreadable outcome with a key the table has', () => {
    const bad = [
      { preset: 'nope' },
      { status: 'MAYBE' },
      { status: 'OK', liveness_result: 'SO-SO' },
      { status: 'OK', fail_reason: 'X' },
      { status: 'OK', mask_confidence: '7' },
      { status: 'OK', details_FACE_NOT_FOUND: '100' },
    ];
    const keys = bad.map((fields) => {
      const r = parseChoice(new Map(Object.entries(fields)), token);
      if (r.ok) throw new Error(`read ${JSON.stringify(fields)}`);
      return r.problem.key;
    });
    expect(keys).toEqual(['bad.preset', 'bad.oneOf', 'bad.oneOf', 'bad.oneOf', 'bad.number', 'bad.wholeNumber']);
    for (const locale of LOCALES) for (const k of keys) expect(messageAt(sandboxPageMessages[locale] as MessageTree, k)).toBeTruthy();
  });
});

describe('page words', () => {
  it('maps the vendor language codes, English for Thai and unknown codes', () => {
    expect(['0', '1', '2', '3', '', undefined, 'toString'].map(customerLocale)).toEqual(['en', 'zh', 'id', 'en', 'en', 'en', 'en']);
  });

  it('escapes message text and values but keeps trusted markup placeholders whole', () => {
    const w = pageText('en');
    expect(w.html('bad.preset', { preset: '<b>"x"</b>' })).toBe(
      'There is no preset &quot;&lt;b&gt;&quot;x&quot;&lt;/b&gt;&quot; for this token.',
    );
    expect(w.html('trusted.answeredAs', {}, { value: '<code>"flash"</code>' })).toBe('answered as <code>"flash"</code>');
    expect(w.html('bad.preset', { preset: '\uE0000\uE001' }, { value: '<i>' })).toBe('There is no preset &quot;0&quot; for this token.');
    expect(pageText('zh').and(['image_ref1', 'image_ref2'])).toBe('image_ref1和image_ref2');
    expect(pageText('id').when(1_800_000_000)).toMatch(/2027.*UTC/);
  });
});
