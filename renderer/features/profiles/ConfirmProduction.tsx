import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/store';

/** Asks before a token is issued on a production profile. */
export function ConfirmProduction() {
  const { t } = useTranslation('profiles');
  const confirming = useConsole((s) => s.confirming);
  const profile = useConsole((s) => s.profiles.find((p) => p.id === s.activeProfileId));
  const bizNo = useConsole((s) => s.values.biz_no ?? '');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (confirming && !d.open) d.showModal();
    if (!confirming && d.open) d.close();
  }, [confirming]);

  return (
    <dialog ref={dialog} className="confirm" aria-label={t('confirm.label')} onCancel={() => useConsole.getState().confirmIssue(false)}>
      <h2>{t('confirm.title')}</h2>
      <p>{t('confirm.text', { name: profile?.name ?? '', baseUrl: profile?.baseUrl ?? '', bizNo })}</p>
      <div className="actions">
        <button type="button" onClick={() => useConsole.getState().confirmIssue(false)}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => useConsole.getState().confirmIssue(true)}>
          {t('confirm.issue')}
        </button>
      </div>
    </dialog>
  );
}
