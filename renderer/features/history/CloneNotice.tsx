import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../core/faceid/photo';
import { useConsole } from '../../app/store';
import type { CloneReport } from './clone';
import { formatTime } from './format';

function ProfileLine({ p }: { p: CloneReport['profile'] }) {
  const { t } = useTranslation('history');
  switch (p.kind) {
    case 'same':
      return <li>{t('clone.same', { name: p.name })}</li>;
    case 'switch':
      return <li>{t('clone.switched', { name: p.name })}</li>;
    case 'missing':
      return <li className="msg warning">{t('clone.missing', { name: p.name, active: p.activeName })}</li>;
    case 'switch-failed':
      return <li className="msg warning">{t('clone.switchFailed', { name: p.name, active: p.activeName, message: p.message })}</li>;
  }
}

/** Says what "Clone into form" did: profile, fresh biz_no, photos back or to attach again. */
export function CloneNotice() {
  const { t } = useTranslation('history');
  const n = useConsole((s) => s.cloneNotice);
  if (!n) return null;
  return (
    <div className="clone-notice" role="status" aria-label={t('clone.label')}>
      <p>
        <strong>{t('clone.cloned', { id: n.rowId })}</strong> {t('clone.intoForm', { time: formatTime(n.startedAt) })}
      </p>
      <ul>
        <li>{t('clone.bizNo', { newBizNo: n.newBizNo, fromBizNo: n.fromBizNo || t('clone.none') })}</li>
        <ProfileLine p={n.profile} />
        {n.reattached.map((p) => (
          <li key={p.param}>{t('clone.reattached', { param: p.param, filename: p.filename })}</li>
        ))}
        {n.missing.map((p) => (
          <li key={p.param} className="msg warning">
            {t('clone.attachAgain', { param: p.param })} <strong>{p.filename}</strong> ({formatBytes(p.bytes)}, sha256{' '}
            <code className="sha">{p.sha256}</code>) — {p.reason}.
          </li>
        ))}
        {n.hidden.length > 0 && <li>{t('clone.hidden', { names: n.hidden.join(', ') })}</li>}
      </ul>
      <button type="button" className="small" onClick={() => useConsole.getState().dismissCloneNotice()}>
        {t('clone.dismiss')}
      </button>
    </div>
  );
}
