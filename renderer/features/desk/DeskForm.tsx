import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { paramSpec } from '../../../core/faceid/catalogue';
import { currentIssues, useConsole } from '../../app/store';
import { renderRef } from '../../i18n/message-ref';
import { defaultsSummary } from './defaults-line';
import { useDesk } from './desk-store';
import { DeskPhoto } from './DeskPhoto';

/** The task-first form: customer id, photo, comparison (derived, overridable), optional note; the rest from the profile. */
export function DeskForm({ onExpert }: { onExpert(): void }) {
  const { t } = useTranslation('desk');
  const values = useConsole((s) => s.values);
  const photos = useConsole((s) => s.photos);
  const sending = useConsole((s) => s.call.phase === 'sending');
  const submitted = useConsole((s) => s.submitted);
  const profile = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId));
  const { compareOverride, askPhoto, focusSeq } = useDesk();
  const uuidRef = useRef<HTMLInputElement>(null);
  const issues = useMemo(() => currentIssues({ values, photos }).filter((i) => i.severity === 'error'), [values, photos]);
  const comparing = values.comparison_type === '0';

  useEffect(() => {
    // On New customer; on first show only when nothing has the focus (never steal it from the view tabs).
    const idle = document.activeElement === null || document.activeElement === document.body;
    if (focusSeq > 0 || idle) uuidRef.current?.focus();
  }, [focusSeq]);

  const submit = () => {
    if (askPhoto) return;
    if ((values.uuid ?? '').trim() === '') {
      useConsole.setState({ submitted: true });
      return uuidRef.current?.focus();
    }
    const s = useConsole.getState();
    // Comparison off with a photo still attached: ask (compare after all, or remove it) rather
    // than leave it out silently; nothing biometric leaves the desk for a service that would ignore it.
    if (!comparing && (['image_ref1', 'image_ref2'] as const).some((n) => s.photos[n])) return useDesk.setState({ askPhoto: true });
    s.requestIssue();
  };
  const uuidMissing = submitted && (values.uuid ?? '').trim() === '';
  const elsewhere = submitted ? issues.filter((i) => !['uuid', 'image_ref1', 'image_ref2', 'biz_extra_data'].includes(i.field)) : [];
  const summary = defaultsSummary(values);

  return (
    <form
      className="desk-form pane"
      aria-label={t('form.label')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2>{t('form.label')}</h2>
      <label className="desk-field">
        <span className="label-text">
          {t('form.customerId')} · <span className="param-name">uuid</span>
        </span>
        <input
          ref={uuidRef}
          value={values.uuid ?? ''}
          maxLength={paramSpec('uuid')?.maxBytes}
          aria-invalid={uuidMissing}
          aria-describedby={uuidMissing ? 'desk-uuid-error' : undefined}
          onChange={(e) => useConsole.getState().setValue('uuid', e.currentTarget.value)}
        />
        {uuidMissing && (
          <span id="desk-uuid-error" className="msg error">
            {t('form.needUuid')}
          </span>
        )}
      </label>
      <DeskPhoto />
      {askPhoto && (
        <div className="desk-ask msg warning" role="alertdialog" aria-labelledby="desk-ask-title" aria-describedby="desk-ask-text">
          <strong id="desk-ask-title">{t('form.askTitle')}</strong>
          <p id="desk-ask-text">{t('form.askText')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => useDesk.getState().answerPhoto(true)}>
              {t('form.askCompare')}
            </button>
            <button type="button" onClick={() => useDesk.getState().answerPhoto(false)}>
              {t('form.askRemove')}
            </button>
          </div>
        </div>
      )}
      <label className="desk-check">
        <input type="checkbox" checked={comparing} onChange={(e) => useDesk.getState().setCompare(e.currentTarget.checked)} />
        <span>
          {t('form.compare')} · <span className="param-name">comparison_type {comparing ? '0' : '-1'}</span>{' '}
          <small className="hint">{compareOverride === null ? t('form.compareDerived') : t('form.compareOverride')}</small>
        </span>
      </label>
      <details className="desk-extra" open={(values.biz_extra_data ?? '') !== ''}>
        <summary>
          {t('form.extra')} · <span className="param-name">biz_extra_data</span>
        </summary>
        <textarea
          aria-label={`${t('form.extra')} · biz_extra_data`}
          value={values.biz_extra_data ?? ''}
          rows={2}
          onChange={(e) => useConsole.getState().setValue('biz_extra_data', e.currentTarget.value)}
        />
      </details>
      <p className="desk-defaults" title={summary}>
        <span className="desk-defaults-text">
          {t('form.defaults', { profile: profile?.name ?? '', summary: summary || t('form.defaultsNone') })}
        </span>{' '}
        <button type="button" className="link" onClick={onExpert}>
          {t('form.changeInExpert')}
        </button>
      </p>
      {elsewhere.length > 0 && (
        <ul className="msg error" role="alert">
          {elsewhere.map((i) => (
            <li key={i.field + i.message.key}>
              <code>{i.field}</code>: {renderRef(i.message)}
            </li>
          ))}
        </ul>
      )}
      <p className="desk-bizno hint">
        <span className="param-name">biz_no</span> <code data-testid="desk-biz-no">{values.biz_no}</code>
      </p>
      <div className="actions">
        <button type="submit" className="primary big" disabled={sending || askPhoto}>
          {sending ? t('form.issuing') : t('form.issue')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+N" onClick={() => useDesk.getState().newCustomer()}>
          {t('form.newCustomer')} <kbd>{t('form.shortcut')}</kbd>
        </button>
      </div>
    </form>
  );
}
