import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../core/history';
import { api } from '../../bridge';
import { messageOf } from './format';
import { errorText } from '../../i18n/error-text';

type CurlState =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'shown'; command: string; bizNo: string; kept: boolean; copyError?: string }
  | { phase: 'error'; message: string };

/**
 * Copy as cURL: the command goes to the clipboard and stays on screen to be selected by hand. It
 * carries a fresh biz_no unless the agent ticks "keep the original", which shows the warning.
 */
export function CurlBox({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const { t: th } = useTranslation('history');
  const [state, setState] = useState<CurlState>({ phase: 'idle' });
  const [keepBizNo, setKeepBizNo] = useState(false);
  const copy = async () => {
    setState({ phase: 'loading' });
    const r = await api.historyCurl({ id: row.id, keepBizNo, ...(row.desk !== undefined ? { scope: 'all' as const } : {}) });
    if (!r.ok) return setState({ phase: 'error', message: errorText(r.error) });
    const { command, bizNo, keptBizNo } = r.value;
    let copyError: string | undefined;
    try {
      await navigator.clipboard.writeText(command);
    } catch (e) {
      copyError = messageOf(e);
    }
    setState({ phase: 'shown', command, bizNo, kept: keptBizNo, copyError });
  };
  return (
    <div className="curl-box">
      <button type="button" onClick={() => void copy()} disabled={state.phase === 'loading'}>
        {th('curl.copy')}
      </button>
      <label className="inline">
        <input type="checkbox" checked={keepBizNo} onChange={(e) => setKeepBizNo(e.target.checked)} />
        {t('curl.keepBizNo')}
      </label>
      {state.phase === 'error' && (
        <p className="msg error" role="alert">
          {t('curl.failed', { message: state.message })}
        </p>
      )}
      {state.phase === 'shown' && (
        <>
          <p className="msg info" role="status">
            {state.copyError ? t('curl.notCopied', { message: state.copyError }) : t('curl.copied')}{' '}
            {state.kept ? '' : t('curl.freshBizNo', { bizNo: state.bizNo, original: row.bizNo })}
          </p>
          {state.kept && (
            <p className="msg warning" role="alert">
              {t('curl.keptWarning', { bizNo: state.bizNo })}
            </p>
          )}
          <textarea
            className="curl-command"
            aria-label={th('curl.command')}
            readOnly
            value={state.command}
            rows={Math.min(14, state.command.split('\n').length + 1)}
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      )}
    </div>
  );
}
