import type { IssueTokenOutcome } from '../../../core/api';
import { stateNow, useWatch } from '../desk/useWatch';
import { CopyButton } from '../result/CopyButton';
import { formatRemaining, useNow } from '../result/useNow';
import { ResultView } from '../verification/ResultView';
import { QrCode } from './QrCode';
import { useStoredRow } from './useStoredRow';

type Issued = Extract<IssueTokenOutcome, { outcome: 'issued' }>;

/**
 * Getting the customer onto the liveness page: QR code, link, copy, open in the system browser,
 * the expiry countdown — and, once the flow has begun, the result instead of a dead QR code.
 */
export function HandOff({ issued }: { issued: Issued }) {
  const now = useNow();
  const { row, reload } = useStoredRow(issued.historyId);
  const remaining = formatRemaining(issued.expired_time, now);
  const watch = useWatch(issued.historyId === undefined ? [] : [issued.historyId]).get(issued.historyId ?? -1);
  const stage = watch ? stateNow(watch, now).stage : undefined;
  // The page opened (the sandbox says so at once) is as used as a finished flow: the link is spent.
  const opened = stage !== undefined && stage !== 'issued' && stage !== 'expired-unused';
  const flowStatus = row?.result?.status ?? (opened ? 'PROCESSING' : undefined);
  const used = opened || (flowStatus !== undefined && flowStatus !== 'NOT_STARTED');

  return (
    <section className="handoff" aria-label="Customer hand-off">
      <h3>Customer hand-off</h3>
      {used ? (
        <p className="msg info">The customer has used this token ({flowStatus}); the link works only once.</p>
      ) : !remaining ? (
        <p className="msg error">
          This token expired at {new Date(issued.expired_time * 1000).toLocaleTimeString()}; its link no longer works. Issue a new token.
        </p>
      ) : (
        <>
          <p>Ask the customer to scan this code with their phone camera, or send them the link.</p>
          <QrCode value={issued.livenessUrl} label="QR code of the liveness link" />
          <p className="liveness-link">
            <code data-testid="liveness-url">{issued.livenessUrl}</code>
          </p>
          <div className="actions">
            <CopyButton value={issued.livenessUrl} what="liveness link" />
            {/* Electron sends target=_blank links to the system browser, never into the console. */}
            <a className="button small" href={issued.livenessUrl} target="_blank" rel="noreferrer noopener">
              Open in browser
            </a>
            <span className="hint">Valid for {remaining}, once.</span>
          </div>
        </>
      )}
      {row && <ResultView row={row} onChanged={reload} />}
    </section>
  );
}
