import { describe, expect, it } from 'vitest';
import { pseudoize } from '../../renderer/i18n/pseudo';
import { appMessages } from '../../renderer/app/messages';
import { messageAt, messageKeys } from '../../core/i18n/messages';

describe('the pseudo-locale used by the layout tests', () => {
  it('accents every ASCII letter, keeps digits and punctuation, and brackets the message', () => {
    expect(pseudoize('Desk 1: ok?')).toMatch(/^⟦Ðéšķ 1: óķ\?( ẋẋẋ)+⟧$/);
    expect(pseudoize('')).toBe('');
  });

  it('makes every message of a table at least 40 % longer', () => {
    for (const key of messageKeys(appMessages.en)) {
      const text = messageAt(appMessages.en, key) ?? '';
      const pseudo = pseudoize(text);
      expect(pseudo.length, key).toBeGreaterThanOrEqual(Math.ceil(text.length * 1.4));
      expect(pseudo, key).not.toMatch(/[a-zA-Z]/);
    }
  });
});
