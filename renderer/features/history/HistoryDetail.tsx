import { displayStatus, type HistoryRow } from '../../../core/history';
import { useNow } from '../result/useNow';
import { CallOutcome } from './CallOutcome';
import { CurlBox } from './CurlBox';
import { STATUS_LABEL, formatTime } from './format';
import { useHistory } from './history-store';
import { RequestResponse } from './RequestResponse';
import { CompareCalls } from './CompareCalls';
import { CustomerLinks } from './CustomerLinks';
import { Trail } from './Trail';
import { TeamCallNote } from './TeamCallNote';
import { useClone } from './useClone';
import { ResultView } from '../verification/ResultView';

function Call({ row, onCloned }: { row: HistoryRow; onCloned: () => void }) {
  const now = useNow();
  const status = displayStatus(row, now);
  const { state, clone } = useClone(row, onCloned);
  const busy = state.phase === 'working';
  return (
    <>
      <header className="detail-head">
        <h2>
          <span className={`status-badge status-${status}`}>{STATUS_LABEL[status]}</span> <code>{row.bizNo || '(no biz_no)'}</code>
        </h2>
        <p className="hint">
          Call #{row.id} · {formatTime(row.startedAt)}
          {row.finishedAt !== undefined ? ` · answered after ${((row.finishedAt - row.startedAt) / 1000).toFixed(1)} s` : ''} ·{' '}
          {row.profileName} ({row.environment}){row.operator ? ` · by ${row.operator}` : ''}
        </p>
        <Trail row={row} />
        <CustomerLinks row={row} />
        <div className="detail-actions">
          <button type="button" className="primary" onClick={clone} disabled={busy}>
            {busy ? 'Cloning…' : 'Clone into form'}
          </button>
          <span className="hint">Same parameters, a fresh biz_no.</span>
        </div>
        {state.phase === 'error' && (
          <p className="msg error" role="alert">
            {state.message}
          </p>
        )}
      </header>
      <CallOutcome row={row} onCloneNew={clone} cloneBusy={busy} />
      <TeamCallNote row={row} />
      {row.status === 'issued' && (
        <ResultView row={row} scope={teamScopeOf(row)} onChanged={() => void useHistory.getState().reloadDetail()} />
      )}
      <CompareCalls key={`compare-${row.id}`} row={row} />
      <CurlBox key={row.id} row={row} />
      <RequestResponse row={row} />
    </>
  );
}

/** The scope a team row was opened in (its id is the team store's), or undefined for this desk's own. */
function teamScopeOf(row: HistoryRow): 'branch' | 'all' | undefined {
  if (row.desk === undefined) return undefined;
  const scope = useHistory.getState().filter.scope;
  return scope === 'branch' ? 'branch' : 'all';
}

/** The selected call: outcome, replay, the request beside the raw response. */
export function HistoryDetail({ onCloned }: { onCloned: () => void }) {
  const detail = useHistory((s) => s.detail);
  return (
    <section className="history-detail pane" aria-label="Call details" aria-busy={detail.phase === 'loading'}>
      {detail.phase === 'none' && <p className="hint">Select a call to see what was sent and what came back.</p>}
      {detail.phase === 'loading' && <p className="hint">Loading call #{detail.id}…</p>}
      {detail.phase === 'error' && (
        <p className="msg error" role="alert">
          Call #{detail.id} could not be read: {detail.message}
        </p>
      )}
      {detail.phase === 'ready' && <Call key={detail.row.id} row={detail.row} onCloned={onCloned} />}
    </section>
  );
}
