import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { QrCode } from '../handoff/QrCode';
import { customerLocale } from '../../../core/i18n/customer-locale';

/**
 * The customer-facing page: only the QR code, the branch and the instruction, in the customer's
 * language (the token's `language`), full screen where the browser allows it. Esc closes it.
 */
export function CustomerView({
  url,
  branch,
  language,
  onClose,
}: {
  url: string;
  branch: string;
  language: string | undefined;
  onClose(): void;
}) {
  const { t } = useTranslation('desk');
  const locale = customerLocale(language);
  const tc = i18n.getFixedT(locale, 'desk');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    el?.focus();
    // Full screen is a nicety: refused (no user gesture, a policy) the overlay still covers the window.
    el?.requestFullscreen?.().catch(() => {});
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [onClose]);
  return (
    <div ref={root} className="customer-view" role="dialog" aria-modal="true" aria-label={t('customer.label')} tabIndex={-1} lang={locale}>
      <h2>{tc('customer.title')}</h2>
      {branch !== '' && <p className="customer-branch">{branch}</p>}
      <QrCode value={url} label={tc('handoff.qr')} />
      <p className="customer-instruction">{tc('customer.instruction')}</p>
      <button type="button" className="customer-close" onClick={onClose} lang={undefined}>
        {t('customer.close')}
      </button>
    </div>
  );
}
