import { describe, expect, it } from 'vitest';
import { defineMessages } from '../../core/i18n/messages';
import { isMessageRef, msg, renderMessage } from '../../core/i18n/render';

const demo = defineMessages({
  en: { waiting: '{count, plural, one {# call waits} other {# calls wait}} since {since}', plain: 'Hello' },
  id: { waiting: '{count, plural, other {# panggilan menunggu}} sejak {since}', plain: 'Halo' },
  zh: { waiting: '{count, plural, other {# 个调用}}自 {since} 起等待', plain: '你好' },
});

describe('message references rendered in Node', () => {
  it('renders ICU plurals in each locale', () => {
    const bundles = { demo };
    expect(renderMessage(bundles, msg('demo', 'waiting', { count: 1, since: '09:41' }))).toBe('1 call waits since 09:41');
    expect(renderMessage(bundles, msg('demo', 'waiting', { count: 12, since: '09:41' }))).toBe('12 calls wait since 09:41');
    expect(renderMessage(bundles, msg('demo', 'waiting', { count: 3, since: '09:41' }), 'id')).toBe('3 panggilan menunggu sejak 09:41');
    expect(renderMessage(bundles, msg('demo', 'plain'), 'zh')).toBe('你好');
  });

  it('shows an unknown reference as ns:key instead of throwing', () => {
    expect(renderMessage({ demo }, msg('demo', 'gone'))).toBe('demo:gone');
    expect(renderMessage({ demo }, msg('nowhere', 'x'))).toBe('nowhere:x');
  });

  it('recognises the stored shape and rejects others', () => {
    expect(isMessageRef(JSON.parse(JSON.stringify(msg('demo', 'plain', { a: 1 }))))).toBe(true);
    expect(isMessageRef({ ns: 'demo' })).toBe(false);
    expect(isMessageRef('demo:plain')).toBe(false);
    expect(isMessageRef(null)).toBe(false);
  });
});
