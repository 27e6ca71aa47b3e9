import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown } from '../../../core/i18n/format';
import { QrCode } from '../handoff/QrCode';
import { CustomerView } from './CustomerView';
import { servedUrl, type LanServing } from './lan-url';
import { SandboxLanChoice } from './SandboxLanChoice';

/**
 * The large QR code and link while the token is still unused, with the loopback notice for the
 * built-in sandbox and its LAN choice (the link and QR then use the chosen address).
 */
export function DeskHandOff({
  url: issuedUrl,
  expiredTime,
  nowMs,
  onSandbox,
  branch,
  language,
}: {
  url: string;
  expiredTime: number;
  nowMs: number;
  onSandbox: boolean;
  branch: string;
  language?: string;
}) {
  const { t } = useTranslation('desk');
  const [copied, setCopied] = useState(false);
  const [customer, setCustomer] = useState(false);
  const [lan, setLan] = useState<LanServing>();
  const url = onSandbox ? servedUrl(issuedUrl, lan) : issuedUrl;
  const left = expiredTime - nowMs / 1000;
  return (
    <section className="desk-handoff" aria-label={t('handoff.label')}>
      <p>{t('handoff.scan')}</p>
      <QrCode value={url} label={t('handoff.qr')} />
      <p className="liveness-link">
        <code data-testid="desk-liveness-url">{url}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('handoff.copied') : t('handoff.copy')}
        </button>
        {/* Electron sends target=_blank links to the system browser, never into the console. */}
        <a className="button" href={url} target="_blank" rel="noreferrer noopener">
          {t('handoff.openHere')}
        </a>
        <button type="button" onClick={() => setCustomer(true)}>
          {t('handoff.customerView')}
        </button>
        <span className="hint" data-testid="desk-countdown">
          {t('handoff.validFor', { time: formatCountdown(left) })}
        </span>
      </div>
      {onSandbox && !lan?.lanBaseUrl && (
        <div className="msg info desk-loopback">
          <p>{t('handoff.loopback')}</p>
          <p className="hint">{t('handoff.lan')}</p>
        </div>
      )}
      {onSandbox && <SandboxLanChoice onChange={setLan} />}
      {customer && <CustomerView url={url} branch={branch} language={language} onClose={() => setCustomer(false)} />}
    </section>
  );
}
