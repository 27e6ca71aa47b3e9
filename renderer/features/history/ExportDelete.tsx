import { useTranslation } from 'react-i18next';
import { isEmptyFilter } from './filter-form';
import { useExportDelete } from './export-delete-store';
import { useHistory } from './history-store';

/** Export of the filtered calls (streamed by the trusted side), and deletion (filtered or all) after an inline confirmation. */
export function ExportDelete() {
  const { t } = useTranslation('support');
  const filter = useHistory((s) => s.filter);
  const { busy, notice, confirm, exportAs, ask, remove, cancel } = useExportDelete();
  const filtered = !isEmptyFilter(filter);
  const question = confirm
    ? t(`exportDelete.${confirm.scope === 'all' ? 'askAll' : 'askFiltered'}${confirm.capped ? 'Capped' : ''}`, { count: confirm.total })
    : '';

  return (
    <div className="export-delete">
      <div className="tool-group" role="group" aria-label={t('exportDelete.exportGroup')}>
        <button type="button" onClick={() => void exportAs('csv')} disabled={busy}>
          {t('exportDelete.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('json')} disabled={busy}>
          {t('exportDelete.exportJson')}
        </button>
      </div>
      <div className="tool-group" role="group" aria-label={t('exportDelete.deleteGroup')}>
        <button
          type="button"
          onClick={() => void ask('filtered')}
          disabled={busy || !filtered}
          title={filtered ? undefined : t('exportDelete.deleteFilteredHint')}
        >
          {t('exportDelete.deleteFiltered')}
        </button>
        <button type="button" onClick={() => void ask('all')} disabled={busy}>
          {t('exportDelete.deleteAll')}
        </button>
      </div>
      {confirm && (
        <div className="confirm-delete history-confirm" role="group" aria-label={t('exportDelete.confirmLabel')}>
          {confirm.total === 0 ? (
            <span>{t(confirm.scope === 'all' ? 'exportDelete.nothingAll' : 'exportDelete.nothingFiltered')}</span>
          ) : (
            <>
              <span>{question}</span>
              <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
                {confirm.capped ? t('exportDelete.deleteAllMatching') : t('exportDelete.deleteN', { count: confirm.total })}
              </button>
            </>
          )}
          <button type="button" onClick={cancel}>
            {t('exportDelete.cancel')}
          </button>
        </div>
      )}
      {notice && (
        <p className={`msg ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {t(notice.key, notice.params ?? {})}
        </p>
      )}
    </div>
  );
}
