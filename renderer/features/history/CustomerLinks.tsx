import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../core/history';
import { EMPTY_FORM } from './filter-form';
import { useHistory } from './history-store';

/** Opens the customer view: every call for this call's uuid, or for its biz_no family, newest first. */
export function CustomerLinks({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const show = (patch: { uuid?: string; bizNoPrefix?: string }) =>
    useHistory.getState().setForm({ ...EMPTY_FORM, scope: useHistory.getState().form.scope, ...patch }, true);
  return (
    <div className="customer-links">
      {row.uuid && (
        <button type="button" className="small" onClick={() => show({ uuid: row.uuid })}>
          {t('customer.byUuid')}
        </button>
      )}
      {row.bizNo && (
        <button type="button" className="small" onClick={() => show({ bizNoPrefix: row.bizNo })}>
          {t('customer.byBizNo')}
        </button>
      )}
    </div>
  );
}

/** Says that the list is a customer view, and leaves it. */
export function CustomerChip() {
  const { t } = useTranslation('support');
  const uuid = useHistory((s) => s.form.uuid);
  const bizNoPrefix = useHistory((s) => s.form.bizNoPrefix);
  if (!uuid && !bizNoPrefix) return null;
  return (
    <p className="customer-chip" role="status">
      {uuid ? t('customer.showingUuid', { uuid }) : t('customer.showingBizNo', { bizNo: bizNoPrefix })}{' '}
      <button type="button" className="small" onClick={() => useHistory.getState().setForm({ uuid: '', bizNoPrefix: '' }, true)}>
        {t('customer.leave')}
      </button>
    </p>
  );
}
