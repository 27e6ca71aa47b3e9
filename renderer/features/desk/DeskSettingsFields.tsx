import { useTranslation } from 'react-i18next';
import { DEFAULT_DESK_SETTINGS, type DeskSettings } from '../../../core/desk';
import { MATCH_LEVELS } from '../../../core/faceid/flow-status';

/** A profile's desk settings inside the profile editor: match level, polling, branch name. */
export function DeskSettingsFields({
  value,
  builtIn,
  onChange,
}: {
  value: DeskSettings | undefined;
  builtIn: boolean;
  onChange(next: DeskSettings): void;
}) {
  const { t } = useTranslation('desk');
  const v = value ?? DEFAULT_DESK_SETTINGS;
  return (
    <fieldset>
      <legend>{t('settings.legend')}</legend>
      <label>
        {t('settings.matchLevel')}
        <select value={v.matchLevel} onChange={(e) => onChange({ ...v, matchLevel: e.target.value as DeskSettings['matchLevel'] })}>
          {MATCH_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {!builtIn && (
        <label className="check">
          <input type="checkbox" checked={v.pollResults} onChange={(e) => onChange({ ...v, pollResults: e.target.checked })} />{' '}
          {t('settings.pollResults')}
        </label>
      )}
      {!builtIn && <p className="hint">{t('settings.pollHint')}</p>}
      <label>
        {t('settings.branch')}
        <input type="text" maxLength={80} value={v.branch} onChange={(e) => onChange({ ...v, branch: e.target.value })} />
      </label>
    </fieldset>
  );
}
