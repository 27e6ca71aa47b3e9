import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMING_PHASES, type ExchangeRecord } from '../../../core/faceid/exchange-record';
import { formatBytes } from '../../../core/faceid/photo';
import { LOCALE_TAGS } from '../../../core/i18n/locales';
import type { HistoryPhoto, HistoryRow } from '../../../core/history';
import { useLanguage } from '../../i18n/language-store';
import { environmentName } from './format';
import { CopyButton } from '../result/CopyButton';
import { prettyJson } from './pretty-json';

type T = ReturnType<typeof useTranslation<'support'>>['t'];

function photoLine(p: HistoryPhoto, t: T, n: (v: number) => string): string {
  const pixels =
    p.width !== undefined && p.height !== undefined
      ? t('exchange.pixels', { width: p.width, height: p.height })
      : t('exchange.pixelsUnknown');
  return t('exchange.photoLine', {
    filename: p.filename,
    size: formatBytes(p.bytes),
    bytes: n(p.bytes),
    pixels,
    format: p.format ?? t('exchange.notImage'),
  });
}

/** The request line and Host as sent; rows from before the exchange was recorded get them from the base URL. */
function requestLineOf(row: HistoryRow): { line: string; host: string } {
  if (row.exchange) return { line: row.exchange.requestLine, host: row.exchange.host };
  try {
    const u = new URL(row.baseUrl);
    return { line: `POST ${u.pathname.replace(/\/+$/, '')}/faceid/lite/get_token HTTP/1.1`, host: u.host };
  } catch {
    return { line: 'POST /faceid/lite/get_token HTTP/1.1', host: row.baseUrl };
  }
}

function HeaderTable({ headers, label, copy }: { headers: [string, string][]; label: string; copy?: string }) {
  return (
    <>
      <h4 className="exchange-subhead">
        {label}
        {copy !== undefined && <CopyButton value={headers.map(([k, v]) => `${k}: ${v}`).join('\n')} what={copy} />}
      </h4>
      <table className="params-table headers-table" aria-label={label}>
        <tbody>
          {headers.map(([name, value], i) => (
            <tr key={`${name}-${i}`}>
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
    </>
  );
}

/** The client's phase timings as a table with proportional bars; phases a call never reached say so. */
function Timings({ exchange, https, t, ms }: { exchange: ExchangeRecord; https: boolean; t: T; ms: (v: number) => string }) {
  const timings = exchange.timings;
  const scale = Math.max(timings.totalMs, 1);
  return (
    <table className="timings-table" aria-label={t('exchange.timings')}>
      <caption>{t('exchange.timings')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchange.phaseColumn')}</th>
          <th scope="col">{t('exchange.timeColumn')}</th>
          <th scope="col" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {TIMING_PHASES.filter((p) => p !== 'tlsMs' || https || timings.tlsMs !== undefined).map((phase) => {
          const v = timings[phase];
          return (
            <tr key={phase} data-phase={phase}>
              <th scope="row" title={t(`exchange.phaseHint.${phase}`)}>
                {t(`exchange.phase.${phase}`)}
              </th>
              <td>{v === undefined ? t('exchange.notReached') : ms(v)}</td>
              <td className="timing-bar-cell" aria-hidden="true">
                {v !== undefined && (
                  <span className={`timing-bar timing-${phase}`} style={{ width: `${Math.max((v / scale) * 100, 0.5)}%` }} />
                )}
              </td>
            </tr>
          );
        })}
        <tr className="timing-total">
          <th scope="row">{t('exchange.total')}</th>
          <td>{ms(timings.totalMs)}</td>
          <td aria-hidden="true" />
        </tr>
      </tbody>
    </table>
  );
}

/** The request as sent (secret redacted) beside the answer: headers, body pretty or raw, and where the time went. */
export function RequestResponse({ row }: { row: HistoryRow }) {
  const { t } = useTranslation('support');
  const locale = useLanguage((s) => s.locale);
  const number = new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 1 });
  const n = (v: number) => number.format(v);
  const ms = (v: number) => t('exchange.ms', { ms: n(v) });
  const [view, setView] = useState<'pretty' | 'raw'>('pretty');
  const request = JSON.stringify({ url: row.baseUrl, profile: row.profileName, params: row.params, photos: row.photos }, null, 2);
  const body = row.responseBody;
  const pretty = body === undefined ? undefined : prettyJson(body);
  const { line, host } = requestLineOf(row);
  const x = row.exchange;
  const statusLine = row.httpStatus !== undefined ? `HTTP/${x?.httpVersion ?? '1.1'} ${row.httpStatus}` : undefined;
  return (
    <div className="request-response">
      <section className="exchange" aria-label={t('exchange.request')}>
        <header>
          <h3>{t('exchange.request')}</h3>
          <CopyButton value={request} what={t('exchange.copyRequest')} />
        </header>
        <p className="hint">
          {row.operator
            ? t('exchange.requestHintOperator', {
                profile: row.profileName,
                environment: environmentName(row.environment),
                operator: row.operator,
              })
            : t('exchange.requestHint', { profile: row.profileName, environment: environmentName(row.environment) })}
        </p>
        <pre className="request-line" aria-label={t('exchange.requestLine')}>
          {line}
          {'\n'}Host: {host}
        </pre>
        {x && x.requestHeaders.length > 0 && <HeaderTable headers={x.requestHeaders} label={t('exchange.requestHeaders')} />}
        <h4 className="exchange-subhead">{t('exchange.params')}</h4>
        <table className="params-table" aria-label={t('exchange.params')}>
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
          <ul className="photo-list" aria-label={t('exchange.photos')}>
            {row.photos.map((p) => (
              <li key={p.param}>
                <code className="param-name">{p.param}</code> {photoLine(p, t, n)}
                <br />
                <small>
                  sha256 <code>{p.sha256}</code> · {p.kept ? t('exchange.kept') : t('exchange.notKept')}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="exchange" aria-label={t('exchange.response')}>
        <header>
          <h3>{row.httpStatus !== undefined ? t('exchange.responseStatus', { status: row.httpStatus }) : t('exchange.response')}</h3>
          {body !== undefined && <CopyButton value={body} what={t('exchange.copyBody')} />}
        </header>
        {x ? (
          <Timings exchange={x} https={row.baseUrl.startsWith('https:')} t={t} ms={ms} />
        ) : (
          <p className="hint">{t('exchange.notRecorded')}</p>
        )}
        {statusLine && <pre className="request-line">{statusLine}</pre>}
        {x &&
          (x.responseHeaders.length > 0 ? (
            <HeaderTable headers={x.responseHeaders} label={t('exchange.responseHeaders')} copy={t('exchange.copyHeaders')} />
          ) : (
            <p className="hint">{t('exchange.noHeaders')}</p>
          ))}
        {body === undefined ? (
          <p className="hint">{t('exchange.noBody')}</p>
        ) : (
          <>
            {pretty !== undefined ? (
              <div className="view-toggle" role="group" aria-label={t('exchange.view')}>
                <button type="button" className="small" aria-pressed={view === 'pretty'} onClick={() => setView('pretty')}>
                  {t('exchange.pretty')}
                </button>
                <button type="button" className="small" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
                  {t('exchange.raw')}
                </button>
              </div>
            ) : (
              <p className="hint">{t('exchange.notJson')}</p>
            )}
            {pretty !== undefined && view === 'pretty' ? (
              <pre className="raw-body pretty-body" aria-label={t('exchange.prettyBody')} tabIndex={0}>
                {pretty}
              </pre>
            ) : (
              <pre className="raw-body" aria-label={t('exchange.rawBody')} tabIndex={0}>
                {body}
              </pre>
            )}
          </>
        )}
      </section>
    </div>
  );
}
