import { useEffect, useState } from 'react';
import { RESULT_FETCH_LIMIT, type HistoryRow } from '../../../core/history';
import { decodeImageField } from '../../../core/faceid/photo';
import { readVerification, type VerificationData } from '../../../core/faceid/verification';
import { api } from '../../bridge';
import { useRenderRef } from '../../i18n/message-ref';
import { LivenessDetailsView } from './LivenessDetailsView';

/** The stored verification result of an issued token, and fetching it (three times at most; a team call's, in its scope). */
export function ResultView({ row, onChanged, scope }: { row: HistoryRow; onChanged(): void; scope?: 'branch' | 'all' }) {
  const say = useRenderRef();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [image, setImage] = useState<string>();
  const result = row.result;
  const used = result?.fetches ?? 0;
  const left = RESULT_FETCH_LIMIT - used;
  const data = result?.data as unknown as VerificationData | undefined;
  const reading = data ? readVerification(data) : undefined;

  useEffect(() => {
    const sha = result?.bestImageSha256;
    if (!sha) return;
    // Typed by its bytes: the service's field may be a PNG, or bare base64 (decodeImageField).
    void api.getKeptPhoto({ sha256: sha }).then((r) => {
      const decoded = r.ok ? decodeImageField(r.value.dataBase64) : undefined;
      if (r.ok && decoded) setImage(`data:${decoded.mimeType};base64,${r.value.dataBase64}`);
    });
  }, [result?.bestImageSha256]);

  const fetchNow = async () => {
    setBusy(true);
    setError(undefined);
    // A team call (another desk's): fetched with this desk's profile and published to the team row.
    const r = await api.fetchResult(scope ? { historyId: row.id, scope } : { historyId: row.id });
    setBusy(false);
    if (!r.ok) setError(r.error.words ? r.error.words.map(say).join(' ') : r.error.message);
    onChanged();
  };

  return (
    <section className={`verification ${reading?.verdict ?? 'none'}`} aria-label="Verification result">
      <h3>{reading ? say(reading.headline) : 'No result fetched yet'}</h3>
      {reading && (
        <ul className="reading">
          {reading.lines.map((l, i) => (
            <li key={i}>{say(l)}</li>
          ))}
        </ul>
      )}
      {data?.liveness_result?.details !== undefined && <LivenessDetailsView details={data.liveness_result.details} />}
      {data?.biz_info && (
        <dl className="biz-info">
          <dt>biz_no</dt>
          <dd>
            <code>{data.biz_info.biz_no}</code>
          </dd>
          {data.biz_info.biz_extra_data && (
            <>
              <dt>biz_extra_data</dt>
              <dd>
                <code>{data.biz_info.biz_extra_data}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {image && <img className="best-image" src={image} alt="Best frame of the liveness check" />}
      <p className="fetches" data-testid="fetches-left">
        get_result: {left} of {RESULT_FETCH_LIMIT} fetches left as far as this console knows
        {result ? ` · fetched ${new Date(result.fetchedAt).toLocaleTimeString()}` : ''}
      </p>
      <div className="actions">
        <button type="button" className="small" disabled={busy || left <= 0} onClick={() => void fetchNow()}>
          {busy ? 'Fetching…' : result ? 'Fetch again' : 'Fetch result'}
        </button>
        {left <= 0 && <span className="hint">The service answers only {RESULT_FETCH_LIMIT} times; the stored result is what remains.</span>}
      </div>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
