import { formatBytes } from '../../../core/faceid/photo';
import type { HistoryPhoto, HistoryRow } from '../../../core/history';
import { CopyButton } from '../result/CopyButton';

function photoLine(p: HistoryPhoto): string {
  const pixels = p.width !== undefined && p.height !== undefined ? `${p.width}×${p.height} px` : 'pixel size unknown';
  return `${p.filename} — ${formatBytes(p.bytes)} (${p.bytes.toLocaleString('en-US')} bytes), ${pixels}, ${p.format ?? 'not an image'}`;
}

/** The request as sent (secret redacted) beside the raw answer, each copyable. */
export function RequestResponse({ row }: { row: HistoryRow }) {
  const request = JSON.stringify({ url: row.baseUrl, profile: row.profileName, params: row.params, photos: row.photos }, null, 2);
  const body = row.responseBody;
  return (
    <div className="request-response">
      <section className="exchange" aria-label="Request">
        <header>
          <h3>Request</h3>
          <CopyButton value={request} what="request" />
        </header>
        <p className="hint">
          POST {row.baseUrl} · profile {row.profileName} ({row.environment}){row.operator ? ` · operator ${row.operator}` : ''}
        </p>
        <table className="params-table" aria-label="Request parameters">
          <tbody>
            {Object.entries(row.params).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {row.photos.length > 0 && (
          <ul className="photo-list" aria-label="Photos sent">
            {row.photos.map((p) => (
              <li key={p.param}>
                <code className="param-name">{p.param}</code> {photoLine(p)}
                <br />
                <small>
                  sha256 <code>{p.sha256}</code> · {p.kept ? 'bytes kept' : 'bytes not kept'}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="exchange" aria-label="Response">
        <header>
          <h3>Response{row.httpStatus !== undefined ? ` · HTTP ${row.httpStatus}` : ''}</h3>
          {body !== undefined && <CopyButton value={body} what="response body" />}
        </header>
        {body !== undefined ? (
          <pre className="raw-body" aria-label="Raw response body" tabIndex={0}>
            {body}
          </pre>
        ) : (
          <p className="hint">No response body was received.</p>
        )}
      </section>
    </div>
  );
}
