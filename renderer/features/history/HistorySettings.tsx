import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/i18n';
import { renderRef } from '../../i18n/message-ref';
import { useHistory } from './history-store';
import { fromDraft, toDraft, type SettingsDraft, type SettingsProblems } from './settings-form';

type Load = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; draft: SettingsDraft };

/** Operator name, photo keeping and retention, saved on the trusted side. */
export function HistorySettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('history');
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [problems, setProblems] = useState<SettingsProblems>({});
  const [saved, setSaved] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getSettings({}).then((r) => {
      if (live)
        setLoad(
          r.ok
            ? { phase: 'ready', draft: toDraft(r.value) }
            : { phase: 'error', message: i18n.t('history:settings.readFailed', { message: errorText(r.error) }) },
        );
    });
    return () => {
      live = false;
    };
  }, []);

  if (load.phase !== 'ready') {
    return (
      <section className="history-settings pane" aria-label={t('settings.label')}>
        {load.phase === 'loading' ? (
          <p className="hint">{t('settings.loading')}</p>
        ) : (
          <p className="msg error" role="alert">
            {load.message}
          </p>
        )}
        <button type="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </section>
    );
  }
  const d = load.draft;
  const edit = (patch: Partial<SettingsDraft>) => {
    setLoad({ phase: 'ready', draft: { ...d, ...patch } });
    setSaved(null);
  };
  const save = async () => {
    const checked = fromDraft(d);
    if ('problems' in checked) return setProblems(checked.problems);
    setProblems({});
    setSaving(true);
    const r = await api.updateSettings({ settings: checked.settings });
    setSaving(false);
    if (!r.ok) return setSaved({ kind: 'error', text: t('settings.notSaved', { message: errorText(r.error) }) });
    setLoad({ phase: 'ready', draft: toDraft(r.value) });
    const retention = r.value.retentionDays > 0 || r.value.retentionRows > 0;
    setSaved({
      kind: 'ok',
      text: retention ? `${t('settings.saved')} ${t('settings.retentionApplied')}` : t('settings.saved'),
    });
    await useHistory.getState().refresh();
  };
  const problem = (k: keyof SettingsDraft) =>
    problems[k] && (
      <span className="msg error" id={`settings-${k}-msg`}>
        {renderRef(problems[k])}
      </span>
    );

  return (
    <form
      className="history-settings pane"
      aria-label={t('settings.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('settings.label')}</h3>
      <label>
        {t('settings.operator')} <small>{t('settings.operatorNote')}</small>
        <input
          type="text"
          value={d.operator}
          maxLength={120}
          onChange={(e) => edit({ operator: e.target.value })}
          aria-invalid={problems.operator ? true : undefined}
        />
        {problem('operator')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={d.keepPhotos}
          onChange={(e) => edit({ keepPhotos: e.target.checked })}
          aria-describedby="settings-keep-photos-note"
        />
        {t('settings.keepPhotos')}
      </label>
      <p className="notes" id="settings-keep-photos-note">
        {t('settings.keepPhotosNote')}
      </p>
      <div className="settings-retention">
        <label>
          {t('settings.retentionDays')} <small>{t('settings.keepAll')}</small>
          <input
            type="number"
            min={0}
            max={3650}
            step={1}
            inputMode="numeric"
            value={d.retentionDays}
            onChange={(e) => edit({ retentionDays: e.target.value })}
            aria-invalid={problems.retentionDays ? true : undefined}
          />
          {problem('retentionDays')}
        </label>
        <label>
          {t('settings.retentionRows')} <small>{t('settings.keepAll')}</small>
          <input
            type="number"
            min={0}
            max={10_000_000}
            step={1}
            inputMode="numeric"
            value={d.retentionRows}
            onChange={(e) => edit({ retentionRows: e.target.value })}
            aria-invalid={problems.retentionRows ? true : undefined}
          />
          {problem('retentionRows')}
        </label>
      </div>
      <p className="notes">{t('settings.retentionNote')}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('settings.close')}
        </button>
        {saved && (
          <span className={`msg ${saved.kind}`} role={saved.kind === 'error' ? 'alert' : 'status'}>
            {saved.text}
          </span>
        )}
      </div>
    </form>
  );
}
