import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/store';

/** Says what a profile switch changed in the form, so no value carries over unseen. */
export function SwitchNotice() {
  const { t } = useTranslation('profiles');
  const n = useConsole((s) => s.switchNotice);
  if (!n) return null;
  // Parameter names stay as the vendor spells them, in every language.
  const keys = (list: string[]) => list.join(', ');
  return (
    <div className="switch-notice" role="status" aria-label={t('switchNotice.label')}>
      <span>{t('switchNotice.switched', { from: n.from, to: n.to })}</span>
      {n.applied.length > 0 && <span>{t('switchNotice.applied', { to: n.to, keys: keys(n.applied) })}</span>}
      {n.cleared.length > 0 && <span>{t('switchNotice.cleared', { from: n.from, keys: keys(n.cleared) })}</span>}
      {n.kept.length > 0 && <span>{t('switchNotice.kept', { keys: keys(n.kept) })}</span>}
      <button type="button" className="small" onClick={() => useConsole.getState().dismissSwitchNotice()}>
        {t('switchNotice.dismiss')}
      </button>
    </div>
  );
}
