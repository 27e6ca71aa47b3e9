import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_PARAMS } from '../../../core/faceid/catalogue';
import type { FieldIssue } from '../../../core/result';
import { currentIssues, useConsole, type ConsoleState } from '../../app/store';
import { PhotoZone } from '../photos/PhotoZone';
import { renderRef } from '../../i18n/message-ref';
import type { MessageRef } from '../../../core/i18n/render';
import { ParamField } from './ParamField';
import { errorText } from '../../i18n/error-text';

const sameRef = (a: MessageRef, b: MessageRef) => a.key === b.key && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});

/** The field the last answer blamed, with the service's words, when there is one. */
function serviceBlame(call: ConsoleState['call']): { field: string; message: string; issues?: FieldIssue[] } | undefined {
  if (call.phase !== 'done') return undefined;
  const r = call.result;
  if (!r.ok) return r.error.field ? { field: r.error.field, message: errorText(r.error), issues: r.error.issues } : undefined;
  if (r.value.outcome === 'issued' || !r.value.error.field) return undefined;
  return {
    field: r.value.error.field,
    message: `${r.value.error.serviceMessage ?? r.value.error.code} — ${renderRef(r.value.error.title)}`,
  };
}

/** The get_token form, generated from the catalogue: basic parameters, photos, advanced ones. */
export function TokenForm() {
  const { t } = useTranslation('tokenForm');
  const values = useConsole((s) => s.values);
  const photos = useConsole((s) => s.photos);
  const touched = useConsole((s) => s.touched);
  const submitted = useConsole((s) => s.submitted);
  const call = useConsole((s) => s.call);
  const edited = useConsole((s) => s.editedSinceCall);
  const advancedOpen = useConsole((s) => s.advancedOpen);
  const issues = useMemo(() => currentIssues({ values, photos }), [values, photos]);
  const blame = serviceBlame(call);
  const sending = call.phase === 'sending';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not while a dialog (profiles, confirmation) is open over the form.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        useConsole.getState().requestIssue();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const visible = (field: string) => {
    const own = issues.filter((i) => i.field === field && (submitted || touched[field]));
    const trusted = (blame?.issues ?? []).filter((i) => i.field === field && !own.some((o) => sameRef(o.message, i.message)));
    return [...own, ...trusted];
  };
  const serviceMessage = (field: string) => (blame && !blame.issues && blame.field === field && !edited[field] ? blame.message : undefined);
  const field = (group: 'basic' | 'advanced') =>
    FORM_PARAMS.filter((p) => p.group === group).map((p) => (
      <ParamField key={p.name} spec={p} issues={visible(p.name)} serviceMessage={serviceMessage(p.name)} />
    ));
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const advancedSet = FORM_PARAMS.filter((p) => p.group === 'advanced' && (values[p.name] ?? '') !== '').length;

  return (
    <form
      className="token-form"
      aria-label={t('label')}
      onSubmit={(e) => {
        e.preventDefault();
        useConsole.getState().requestIssue();
      }}
    >
      <fieldset>
        <legend>{t('basic')}</legend>
        {field('basic')}
      </fieldset>
      <fieldset className={values.comparison_type === '0' ? 'photos' : 'photos muted'}>
        <legend>
          {t('photos.legend')} <small>{values.comparison_type === '0' ? t('photos.required') : t('photos.ignored')}</small>
        </legend>
        <div className="photo-grid">
          <PhotoZone name="image_ref1" issues={visible('image_ref1')} serviceMessage={serviceMessage('image_ref1')} />
          <PhotoZone name="image_ref2" issues={visible('image_ref2')} serviceMessage={serviceMessage('image_ref2')} />
        </div>
      </fieldset>
      <details className="advanced" open={advancedOpen} onToggle={(e) => useConsole.getState().setAdvancedOpen(e.currentTarget.open)}>
        <summary>
          {t('advanced')}{' '}
          <small>{t('advancedCount', { total: FORM_PARAMS.filter((p) => p.group === 'advanced').length, set: advancedSet })}</small>
        </summary>
        {field('advanced')}
      </details>
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('issuing') : t('issue')}
        </button>
        <span className="hint">Ctrl/⌘ + Enter</span>
        {submitted && errorCount > 0 && (
          <span className="msg error" role="alert">
            {t('problems', { count: errorCount })}
          </span>
        )}
      </div>
    </form>
  );
}
