import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDelete } from './ExportDelete';
import { filterKey } from './filter-form';
import { formatCount } from './format';
import { HistoryDetail } from './HistoryDetail';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';
import { HistorySettings } from './HistorySettings';
import { ImportCall } from './ImportCall';
import { useHistory } from './history-store';

function Count() {
  const total = useHistory((s) => s.total);
  const capped = useHistory((s) => s.totalCapped);
  const loading = useHistory((s) => s.loading);
  const shown = useHistory((s) => s.rows.length);
  const { text, ...others } = useHistory((s) => s.filter);
  const { t } = useTranslation('support');
  const { t: th } = useTranslation('history');
  return (
    <p className="history-count" role="status" aria-live="polite" data-testid="history-count">
      {formatCount(total, capped)}
      {text ? <small> {t('search.matching', { text })}</small> : null}
      {Object.keys(others).length > 0 ? <small> {th('filtered')}</small> : null}
      {shown < total ? <small> {th('loaded', { count: shown })}</small> : null}
      {loading ? <small> {th('loading')}</small> : null}
    </p>
  );
}

/** Every call kept: search and filter, read one in detail, replay it, export or delete. */
export function HistoryView({ onCloned }: { onCloned: () => void }) {
  const error = useHistory((s) => s.error);
  const filter = useHistory((s) => s.filter);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const { t } = useTranslation('support');
  const { t: th } = useTranslation('history');

  // Calls made since the view was last open appear at the top.
  useEffect(() => {
    void useHistory.getState().refresh();
  }, []);

  return (
    <div className="history-view">
      <div className="history-toolbar">
        <h2>{th('toolbar.title')}</h2>
        <Count />
        <ExportDelete key={filterKey(filter)} />
        <button type="button" onClick={() => setImporting(true)}>
          {t('import.open')}
        </button>
        <button type="button" className="settings-toggle" aria-expanded={settingsOpen} onClick={() => setSettingsOpen((o) => !o)}>
          {th('toolbar.settings')}
        </button>
      </div>
      {settingsOpen && <HistorySettings onClose={() => setSettingsOpen(false)} />}
      {importing && <ImportCall onClose={() => setImporting(false)} onFilled={onCloned} />}
      <HistoryFilters />
      {error && (
        <p className="msg error banner" role="alert">
          {error}{' '}
          <button type="button" className="small" onClick={() => void useHistory.getState().refresh()}>
            {th('toolbar.retry')}
          </button>
        </p>
      )}
      <div className="history-body">
        <HistoryList />
        <HistoryDetail onCloned={onCloned} />
      </div>
    </div>
  );
}
