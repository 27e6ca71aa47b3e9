/**
 * The team store's refusals read the same in the app and the CLI: one table in core, which the
 * renderer's `team` namespace holds as `errors` and `teamErrorText` renders for Node code.
 */
import { describe, expect, it } from 'vitest';
import { TEAM_ERROR_CODES } from '../../core/team';
import { LOCALES } from '../../core/i18n/locales';
import { messageKeys } from '../../core/i18n/messages';
import { teamErrorMessages, teamErrorText } from '../../core/team-messages';
import { teamMessages } from '../../renderer/features/team/messages';

describe('team error words', () => {
  it('word every team error code in every language, with its parameters, and are the app’s own table', () => {
    for (const locale of LOCALES) {
      expect(teamMessages[locale].errors).toBe(teamErrorMessages[locale]);
      expect(messageKeys(teamErrorMessages[locale]).sort()).toEqual([...TEAM_ERROR_CODES].sort());
      for (const code of TEAM_ERROR_CODES) {
        const text = teamErrorText(code, { errno: 'ECONNREFUSED', sqlstate: '42501', user: 'desk_x', server: 5, known: 4 }, locale);
        expect(text, `${locale} ${code}`).not.toMatch(/[{}]|^TEAM_/);
      }
    }
    expect(teamErrorText('TEAM_UNREACHABLE', { errno: 'ECONNREFUSED' })).toBe(
      'The team server cannot be reached (ECONNREFUSED). Check the server name and port, and the network.',
    );
    expect(teamErrorText('TEAM_SCHEMA_OLDER', { server: 3, known: 4 }, 'zh')).toContain('（3；本控制台需要 4）');
  });

  it('give back a code they do not know as it is', () => {
    expect(teamErrorText('TEAM_FROM_THE_FUTURE')).toBe('TEAM_FROM_THE_FUTURE');
  });
});
