import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { useHistory } from './history-store';
import { fromDraft, toDraft, type SettingsDraft } from './settings-form';

type Load = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; draft: SettingsDraft };

/** Operator name, photo keeping and retention, saved on the trusted side. */
export function HistorySettings({ onClose }: { onClose: () => void }) {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [problems, setProblems] = useState<Partial<Record<keyof SettingsDraft, string>>>({});
  const [saved, setSaved] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getSettings({}).then((r) => {
      if (live)
        setLoad(
          r.ok
            ? { phase: 'ready', draft: toDraft(r.value) }
            : { phase: 'error', message: `The settings could not be read: ${r.error.message}` },
        );
    });
    return () => {
      live = false;
    };
  }, []);

  if (load.phase !== 'ready') {
    return (
      <section className="history-settings pane" aria-label="History settings">
        {load.phase === 'loading' ? (
          <p className="hint">Loading settings…</p>
        ) : (
          <p className="msg error" role="alert">
            {load.message}
          </p>
        )}
        <button type="button" onClick={onClose}>
          Close
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
    if (!r.ok) return setSaved({ kind: 'error', text: `Not saved: ${r.error.message}` });
    setLoad({ phase: 'ready', draft: toDraft(r.value) });
    const retention = r.value.retentionDays > 0 || r.value.retentionRows > 0;
    setSaved({
      kind: 'ok',
      text: `Settings saved.${retention ? ' Retention was applied: older calls beyond the limits were deleted.' : ''}`,
    });
    await useHistory.getState().refresh();
  };
  const problem = (k: keyof SettingsDraft) =>
    problems[k] && (
      <span className="msg error" id={`settings-${k}-msg`}>
        {problems[k]}
      </span>
    );

  return (
    <form
      className="history-settings pane"
      aria-label="History settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>History settings</h3>
      <label>
        Operator name <small>(written into each new call)</small>
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
        Keep reference photos
      </label>
      <p className="notes" id="settings-keep-photos-note">
        Off by default. Reference photos are biometric personal data: when on, the photo bytes of each new call are stored in the history
        (so a clone can re-attach them) until the call is deleted. When off, only each photo's hash, size and pixel size are kept.
      </p>
      <div className="settings-retention">
        <label>
          Retention days <small>(0 = keep all)</small>
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
          Retention rows <small>(0 = keep all)</small>
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
      <p className="notes">
        Retention applies when you save and each time the console starts: calls beyond the limits are deleted for good.
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" onClick={onClose}>
          Close
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
