import { displayStatus, type HistoryRow } from '../../../core/history';
import { CopyButton } from '../result/CopyButton';
import { formatRemaining, useNow } from '../result/useNow';
import { formatUnixSeconds } from './format';

function Fact({ label, value, copy = false }: { label: string; value: string | undefined; copy?: boolean }) {
  if (value === undefined || value === '') return null;
  return (
    <div className="result-row">
      <dt>{label}</dt>
      <dd>
        <code data-field={label}>{value}</code>
        {copy && <CopyButton value={value} what={label} />}
      </dd>
    </div>
  );
}

/** What the call gave: the token and its ids, or the error the service (or the network) gave. */
export function CallOutcome({ row, onCloneNew, cloneBusy }: { row: HistoryRow; onCloneNew: () => void; cloneBusy: boolean }) {
  const now = useNow();
  const status = displayStatus(row, now);
  if (row.status === 'issued') {
    const remaining = row.expiredTime !== undefined ? formatRemaining(row.expiredTime, now) : null;
    return (
      <section className="call-outcome ok" aria-label="Outcome">
        <p className={`countdown${remaining ? '' : ' expired'}`}>{remaining ? <>Token valid, expires in <strong>{remaining}</strong></> : <strong>Token expired</strong>}</p>
        <dl>
          <Fact label="token" value={row.token} copy />
          <Fact label="biz_id" value={row.bizId} copy />
          <Fact label="request_id" value={row.requestId} copy />
          <Fact label="expired_time" value={row.expiredTime !== undefined ? formatUnixSeconds(row.expiredTime) : undefined} />
          <Fact label="time_used" value={row.timeUsed !== undefined ? `${row.timeUsed} ms` : undefined} />
          <Fact label="round trip" value={row.elapsedMs !== undefined ? `${row.elapsedMs} ms` : undefined} />
        </dl>
      </section>
    );
  }
  return (
    <section className={`call-outcome ${status}`} aria-label="Outcome">
      {status === 'unknown' && (
        <div className="unknown-warning" role="note" aria-label="Outcome unknown">
          <p>
            <strong>This call was sent, but no answer came back.</strong> The service may have issued a token for biz_no <code>{row.bizNo}</code>. Do not retry it with
            the same biz_no: biz_no must be unique, and a second call could create a second verification. Check with the service (get_result by biz_id, if you
            learn it) or call again with a new biz_no.
          </p>
          <button type="button" onClick={onCloneNew} disabled={cloneBusy}>
            Clone with a new biz_no
          </button>
        </div>
      )}
      {status === 'pending' && (
        <p className="msg warning" role="note">
          No answer is recorded yet: the call is still in flight, or the console stopped during it (it then shows as “unknown outcome” from the next start).
        </p>
      )}
      <dl>
        <Fact label="error code" value={row.errorCode} />
        <Fact label="field" value={row.errorField} />
        <Fact label="message" value={row.errorMessage} />
        <Fact label="HTTP status" value={row.httpStatus !== undefined ? String(row.httpStatus) : undefined} />
        <Fact label="request_id" value={row.requestId} copy />
        <Fact label="round trip" value={row.elapsedMs !== undefined ? `${row.elapsedMs} ms` : undefined} />
      </dl>
    </section>
  );
}
